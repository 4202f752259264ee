package dev.kycevents.retention;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kycevents.support.Db;
import dev.kycevents.support.Webhooks;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * One batch of the sweep against the real database, with another writer in the way: a user who came back after
 * the sweep judged them, and an append that holds the log-head lock while it waits for the batch's rows.
 */
@QuarkusTest
class EraserTest {

    static final Duration WAIT = Duration.ofSeconds(30);
    static final RetentionPeriod PERIOD = RetentionPeriod.parse("P5Y");

    @Inject
    Pool pool;
    @Inject
    Eraser eraser;
    @Inject
    RetentionViewTable retention;
    Db db;

    @BeforeEach
    void setUp() {
        db = new Db(pool);
    }

    UUID userWithALevel() {
        UUID user = UUID.randomUUID();
        Webhooks.post(Webhooks.levelEvent(UUID.randomUUID(), user, Instant.now().minusSeconds(60), "REGULAR"))
                .statusCode(200);
        return user;
    }

    RetentionStatus judged(UUID user) {
        return retention.status(pool, user).await().atMost(WAIT);
    }

    long erasedRowsOf(UUID user) {
        return db.count("SELECT count(*) FROM events WHERE user_id = $1 AND raw_body IS NULL", user);
    }

    @Test
    void a_user_who_came_back_after_being_judged_is_left_alone_and_the_rest_of_the_batch_is_erased() {
        UUID back = userWithALevel();
        UUID gone = userWithALevel();
        List<RetentionStatus> batch = List.of(judged(back), judged(gone));
        Webhooks.post(Webhooks.sessionEvent("kyc_session_manual_review", UUID.randomUUID(), back, UUID.randomUUID(),
                Instant.now())).statusCode(200);

        Eraser.Outcome outcome = pool.withConnection(c -> eraser.erase(c, batch, PERIOD, Instant.now()))
                .await().atMost(WAIT);

        assertEquals(1, outcome.users());
        assertEquals(1, outcome.events());
        assertEquals(java.util.Set.of(back), outcome.cameBack());
        assertEquals(0, erasedRowsOf(back));
        assertEquals(1, db.count("SELECT count(*) FROM kyc_level_view WHERE user_id = $1", back));
        assertEquals(1, erasedRowsOf(gone));
        assertEquals(0, db.count("SELECT count(*) FROM kyc_level_view WHERE user_id = $1", gone));
        assertEquals(1, db.count("SELECT count(*) FROM retention_view WHERE user_id = $1 AND erased_at IS NOT NULL",
                gone));
        assertEquals(0, db.count("SELECT count(*) FROM retention_view WHERE user_id = $1", back));
    }

    @Test
    void an_append_that_waits_for_the_batchs_rows_while_holding_the_log_head_is_not_deadlocked() throws Exception {
        UUID user = userWithALevel();
        List<RetentionStatus> batch = List.of(judged(user));
        SqlConnection other = pool.getConnection().await().atMost(WAIT);
        try {
            // Another writer, as an append does: the log head first, then the user's read model.
            other.query("BEGIN").execute().await().atMost(WAIT);
            other.query("SELECT last_position FROM event_log_head FOR UPDATE").execute().await().atMost(WAIT);
            int otherPid = other.query("SELECT pg_backend_pid()").execute().await().atMost(WAIT).iterator().next()
                    .getInteger(0);
            CompletableFuture<Eraser.Outcome> erasing = pool.withConnection(
                    c -> eraser.erase(c, batch, PERIOD, Instant.now())).subscribeAsCompletionStage();
            // Once the batch waits for the head, it has changed the user's rows (it does that first).
            awaitBlockedBy(otherPid);
            long started = System.nanoTime();
            Uni<?> touch = other.preparedQuery("UPDATE kyc_level_view SET version = version WHERE user_id = $1")
                    .execute(Tuple.of(user));
            touch.await().atMost(WAIT);
            long waitedMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
            other.query("COMMIT").execute().await().atMost(WAIT);

            Eraser.Outcome outcome = erasing.get(30, TimeUnit.SECONDS);
            assertEquals(1, outcome.users(), "the batch went through once the head was free");
            // PostgreSQL resolves a deadlock after deadlock_timeout (1 s) by failing one side.
            assertTrue(waitedMs < 1000, "the other writer waited " + waitedMs + " ms for the batch's rows");
        } finally {
            other.close().await().atMost(WAIT);
        }
        assertEquals(1, erasedRowsOf(user));
        assertEquals(0, db.count("SELECT count(*) FROM kyc_level_view WHERE user_id = $1", user));
    }

    private void awaitBlockedBy(int pid) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (db.count("SELECT count(*) FROM pg_stat_activity WHERE $1 = ANY(pg_blocking_pids(pid))", pid) == 0) {
            assertTrue(System.nanoTime() < deadline, "the batch never waited for the log head");
            Thread.sleep(5);
        }
    }
}
