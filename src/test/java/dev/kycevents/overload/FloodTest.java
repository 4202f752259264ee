package dev.kycevents.overload;

import static dev.kycevents.support.Webhooks.httpRequest;
import static dev.kycevents.support.Webhooks.levelEvent;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kycevents.support.Db;
import dev.kycevents.support.SharedProfile;
import dev.kycevents.support.Tokens;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Transaction;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * A flood beyond the configured backlog: the excess is answered 503 with Retry-After while the
 * accepted requests still wait, and every request answered 200 is served in full. The database is
 * held (a row or table lock) so that the accepted requests cannot finish: which ones are accepted
 * is then decided by the bound alone, not by timing.
 */
@QuarkusTest
@TestProfile(SharedProfile.class)
class FloodTest {

    static final int CAPACITY = SharedProfile.BACKLOG;
    static final int BURST = 40;

    @TestHTTPResource("/webhooks/ralio")
    URI webhooks;
    @TestHTTPResource("/")
    URI root;
    @Inject
    Pool pool;

    final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @Test
    void webhooks_past_the_append_backlog_get_503_at_once_and_every_200_is_stored_once_without_gaps() throws Exception {
        List<UUID> ids = new ArrayList<>();
        List<CompletableFuture<HttpResponse<String>>> answers = new ArrayList<>();
        try (Held held = hold("SELECT last_position FROM event_log_head FOR UPDATE")) {
            for (int i = 0; i < BURST; i++) {
                UUID id = UUID.randomUUID();
                ids.add(id);
                byte[] body = levelEvent(id, UUID.randomUUID(), Instant.parse("2025-06-20T09:00:00Z"), "REGULAR")
                        .getBytes(StandardCharsets.UTF_8);
                answers.add(http.sendAsync(httpRequest(webhooks, body), HttpResponse.BodyHandlers.ofString()));
            }
            // Answered while the appends are still held: the refusals did not wait for the queue.
            waitUntil(() -> answers.stream().filter(CompletableFuture::isDone).count() == BURST - CAPACITY);
            assertEquals(CAPACITY, waiting("append"));
        }

        int stored = 0;
        for (int i = 0; i < BURST; i++) {
            HttpResponse<String> answer = answers.get(i).get();
            long rows = new Db(pool).count("SELECT count(*) FROM events WHERE event_id = $1", ids.get(i));
            if (answer.statusCode() == 200) {
                stored++;
                assertEquals(1, rows, "answered 200, stored once");
            } else {
                assertOverloaded(answer);
                assertEquals(0, rows, "answered 503, nothing stored");
            }
        }
        assertEquals(CAPACITY, stored);
        assertEquals(0, waiting("append"), "every place given back");
        Db db = new Db(pool);
        assertEquals(db.count("SELECT count(*) FROM events"), db.count("SELECT coalesce(max(position), 0) FROM events"),
                "positions are gap-free");
        assertEquals(BURST - CAPACITY, metric("kyc_backlog_refused_total", "backlog=\"append\""));
    }

    @Test
    void views_past_the_query_backlog_get_503_at_once_and_every_200_is_a_full_view() throws Exception {
        String token = Tokens.group("kyc-service");
        List<CompletableFuture<HttpResponse<String>>> answers = new ArrayList<>();
        try (Held held = hold("LOCK TABLE kyc_level_view IN ACCESS EXCLUSIVE MODE")) {
            for (int i = 0; i < BURST; i++) {
                HttpRequest.Builder request = HttpRequest.newBuilder(root.resolve("/users/" + UUID.randomUUID() + "/kyc"))
                        .header("Authorization", "Bearer " + token);
                if (i % 2 == 0) {
                    request.header("If-None-Match", "\"7\""); // the stamp lookup shares the bound
                }
                answers.add(http.sendAsync(request.build(), HttpResponse.BodyHandlers.ofString()));
            }
            waitUntil(() -> answers.stream().filter(CompletableFuture::isDone).count() == BURST - CAPACITY);
            assertEquals(CAPACITY, waiting("query"));
        }

        int served = 0;
        for (CompletableFuture<HttpResponse<String>> pending : answers) {
            HttpResponse<String> answer = pending.get();
            if (answer.statusCode() == 200) {
                served++;
                assertTrue(answer.body().contains("\"level\":\"LIGHT\""), answer.body());
            } else {
                assertOverloaded(answer);
            }
        }
        assertEquals(CAPACITY, served);
        assertEquals(0, waiting("query"), "every place given back");
        given().header("Authorization", "Bearer " + token).get("/users/" + UUID.randomUUID() + "/kyc")
                .then().statusCode(200);
    }

    static void assertOverloaded(HttpResponse<String> answer) {
        assertEquals(503, answer.statusCode(), answer.body());
        assertEquals(String.valueOf(SharedProfile.RETRY_AFTER_SECONDS), answer.headers().firstValue("Retry-After").orElse(null));
        assertEquals("application/problem+json", answer.headers().firstValue("Content-Type").orElse(null));
        assertTrue(answer.body().contains("\"type\":\"urn:kyc-events:problem:overloaded\""), answer.body());
    }

    static double metric(String name, String label) {
        return given().get("/q/metrics").then().statusCode(200).extract().asString().lines()
                .filter(line -> line.startsWith(name + "{") && line.contains(label))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .sum();
    }

    static int waiting(String backlog) {
        return (int) metric("kyc_backlog_waiting", "backlog=\"" + backlog + "\"");
    }

    /** A transaction holding a lock until closed (rolled back). */
    Held hold(String lockingStatement) {
        SqlConnection connection = pool.getConnection().await().atMost(Duration.ofSeconds(30));
        Transaction transaction = connection.begin().await().atMost(Duration.ofSeconds(30));
        connection.query(lockingStatement).execute().await().atMost(Duration.ofSeconds(30));
        return new Held(connection, transaction);
    }

    record Held(SqlConnection connection, Transaction transaction) implements AutoCloseable {
        @Override
        public void close() {
            transaction.rollback().await().atMost(Duration.ofSeconds(30));
            connection.close().await().atMost(Duration.ofSeconds(30));
        }
    }

    // Waits for a condition, not for a time: the deadline only turns a hang into a failure.
    static void waitUntil(Supplier<Boolean> condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!condition.get()) {
            assertTrue(System.nanoTime() < deadline, "condition not reached");
            Thread.sleep(20);
        }
    }
}
