package dev.kycevents.webhook;

import static dev.kycevents.support.Webhooks.httpRequest;
import static dev.kycevents.support.Webhooks.levelEvent;
import static dev.kycevents.support.Webhooks.post;
import static dev.kycevents.support.Webhooks.sessionEvent;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.kycevents.support.Db;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A fault in the middle of the append transaction: the last write (the level view) fails for one
 * user, after the event row and the session view were written. Ralio must get a 5xx and nothing
 * may remain; after recovery the retry is stored once.
 */
@QuarkusTest
class WebhookFaultTest {

    static final Instant AT = Instant.parse("2025-06-21T11:30:00Z");

    @TestHTTPResource("/webhooks/ralio")
    URI endpoint;
    @Inject
    Pool pool;
    Db db;
    UUID user = UUID.randomUUID();

    @BeforeEach
    void breakTheLevelViewForOneUser() {
        db = new Db(pool);
        db.execute("""
                CREATE OR REPLACE FUNCTION test_fault() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN RAISE EXCEPTION 'injected fault'; END $$""");
        db.execute("CREATE TRIGGER test_fault BEFORE INSERT OR UPDATE ON kyc_level_view FOR EACH ROW "
                + "WHEN (NEW.user_id = '" + user + "') EXECUTE FUNCTION test_fault()");
    }

    @AfterEach
    void repair() {
        db.execute("DROP TRIGGER IF EXISTS test_fault ON kyc_level_view");
    }

    @Test
    void a_database_fault_answers_503_leaves_nothing_and_the_retry_is_stored_once() {
        UUID event = UUID.randomUUID();
        UUID session = UUID.randomUUID();
        String body = sessionEvent("kyc_session_failed", event, user, session, AT);
        long before = db.count("SELECT last_position FROM event_log_head");

        post(body).statusCode(503).contentType("application/problem+json").header("Retry-After", "5");

        assertEquals(0, db.count("SELECT count(*) FROM events WHERE event_id = $1", event));
        assertEquals(0, db.count("SELECT count(*) FROM session_view WHERE session_id = $1", session));
        assertEquals(before, db.count("SELECT last_position FROM event_log_head"));

        repair();
        post(body).statusCode(200).body("duplicate", nullValue());
        post(body).statusCode(200).body("duplicate", equalTo(true));
        assertEquals(1, db.count("SELECT count(*) FROM events WHERE event_id = $1", event));
        assertEquals("REJECTED", db.rows("SELECT state FROM session_view WHERE session_id = $1", session)
                .get(0).getString("state"));
    }

    @Test
    void a_fault_for_one_event_does_not_fail_others_in_the_same_batch() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        CompletableFuture<HttpResponse<Void>> poisoned = http.sendAsync(
                httpRequest(endpoint, levelEvent(UUID.randomUUID(), user, AT, "REGULAR").getBytes()),
                HttpResponse.BodyHandlers.discarding());
        List<CompletableFuture<HttpResponse<Void>>> healthy = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            healthy.add(http.sendAsync(
                    httpRequest(endpoint, levelEvent(UUID.randomUUID(), UUID.randomUUID(), AT, "REGULAR").getBytes()),
                    HttpResponse.BodyHandlers.discarding()));
        }
        assertEquals(503, poisoned.get().statusCode());
        for (CompletableFuture<HttpResponse<Void>> response : healthy) {
            assertEquals(200, response.get().statusCode());
        }
    }
}
