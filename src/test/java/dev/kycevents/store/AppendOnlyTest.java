package dev.kycevents.store;

import static dev.kycevents.support.Webhooks.levelEvent;
import static dev.kycevents.support.Webhooks.post;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kycevents.support.Db;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The database itself refuses to change stored events, whoever asks. */
@QuarkusTest
class AppendOnlyTest {

    @Inject
    Pool pool;
    Db db;
    UUID event = UUID.randomUUID();

    @BeforeEach
    void storeOne() {
        db = new Db(pool);
        post(levelEvent(event, UUID.randomUUID(), Instant.parse("2025-06-20T09:02:42Z"), "REGULAR")).statusCode(200);
    }

    @Test
    void update_is_refused() {
        Exception e = assertThrows(Exception.class,
                () -> db.query("UPDATE events SET event_type = 'forged' WHERE event_id = $1", event));
        assertTrue(e.getMessage().contains("append-only"), e.getMessage());
        assertEquals(0, db.count("SELECT count(*) FROM events WHERE event_type = 'forged'"));
    }

    @Test
    void delete_is_refused() {
        assertThrows(Exception.class, () -> db.query("DELETE FROM events WHERE event_id = $1", event));
        assertEquals(1, db.count("SELECT count(*) FROM events WHERE event_id = $1", event));
    }

    @Test
    void truncate_is_refused() {
        assertThrows(Exception.class, () -> db.execute("TRUNCATE events CASCADE"));
        assertEquals(1, db.count("SELECT count(*) FROM events WHERE event_id = $1", event));
    }
}
