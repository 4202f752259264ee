package dev.kycevents.metrics;

import static dev.kycevents.support.Webhooks.levelEvent;
import static dev.kycevents.support.Webhooks.post;
import static dev.kycevents.support.Webhooks.sessionEvent;
import static dev.kycevents.support.Webhooks.unsigned;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** /q/metrics is open, and each meter moves when the thing it counts happens. */
@QuarkusTest
class MetricsTest {

    static final Instant AT = Instant.parse("2025-06-20T09:00:00Z");
    static final Duration TIMEOUT = Duration.ofSeconds(30);

    @Inject
    Pool pool;

    /** The sum of every sample of {@code name} whose labels include all of {@code labels}. */
    static double sample(String name, String... labels) {
        String text = given().get("/q/metrics").then().statusCode(200).extract().asString();
        return Arrays.stream(text.split("\n"))
                .filter(line -> line.startsWith(name + "{") || line.startsWith(name + " "))
                .filter(line -> Arrays.stream(labels).allMatch(line::contains))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .sum();
    }

    @Test
    void stored_and_duplicate_webhooks_are_counted_by_type() {
        double stored = sample("kyc_webhooks_total", "type=\"kyc_state_updated\"", "outcome=\"stored\"");
        double duplicates = sample("kyc_webhooks_total", "type=\"kyc_state_updated\"", "outcome=\"duplicate\"");
        String body = levelEvent(UUID.randomUUID(), UUID.randomUUID(), AT, "REGULAR");
        post(body).statusCode(200);
        post(body).statusCode(200);
        assertEquals(stored + 1, sample("kyc_webhooks_total", "type=\"kyc_state_updated\"", "outcome=\"stored\""));
        assertEquals(duplicates + 1,
                sample("kyc_webhooks_total", "type=\"kyc_state_updated\"", "outcome=\"duplicate\""));
    }

    @Test
    void rejections_are_counted_with_their_reason() {
        double signature = sample("kyc_webhooks_total", "outcome=\"rejected\"", "reason=\"signature\"");
        double invalid = sample("kyc_webhooks_total", "outcome=\"rejected\"", "reason=\"invalid-event\"");
        unsigned("{}".getBytes(StandardCharsets.UTF_8)).post("/webhooks/ralio").then().statusCode(401);
        post("{}").statusCode(400);
        assertEquals(signature + 1, sample("kyc_webhooks_total", "outcome=\"rejected\"", "reason=\"signature\""));
        assertEquals(invalid + 1, sample("kyc_webhooks_total", "outcome=\"rejected\"", "reason=\"invalid-event\""));
    }

    @Test
    void unknown_types_share_one_tag() {
        double unknown = sample("kyc_webhooks_total", "type=\"unknown\"", "outcome=\"stored\"");
        post(sessionEvent("kyc_session_" + UUID.randomUUID().toString().substring(0, 8), UUID.randomUUID(),
                UUID.randomUUID(), UUID.randomUUID(), AT)).statusCode(200);
        assertEquals(unknown + 1, sample("kyc_webhooks_total", "type=\"unknown\"", "outcome=\"stored\""));
    }

    @Test
    void anomalies_append_latency_and_store_size_move() {
        double anomalies = sample("kyc_projection_anomalies_total");
        double appends = sample("kyc_append_latency_seconds_count");
        UUID user = UUID.randomUUID();
        UUID session = UUID.randomUUID();
        post(sessionEvent("kyc_session_failed", UUID.randomUUID(), user, session, AT)).statusCode(200);
        long position = post(sessionEvent("kyc_session_verified", UUID.randomUUID(), user, session, AT.plusSeconds(1)))
                .statusCode(200).extract().jsonPath().getLong("position");

        assertEquals(anomalies + 1, sample("kyc_projection_anomalies_total"));
        assertEquals(appends + 2, sample("kyc_append_latency_seconds_count"));
        assertTrue(sample("kyc_events_stored") >= position);
        assertTrue(sample("kyc_append_batch_size_count") > 0);
    }

    @Test
    void a_wait_for_the_log_head_is_measured() throws Exception {
        String slow = "le=\"0.25\"";
        double waits = sample("kyc_log_head_wait_seconds_count");
        double quick = sample("kyc_log_head_wait_seconds_bucket", slow);
        // Another writer holds the head for 600 ms while a webhook is appended.
        SqlConnection holder = pool.getConnection().await().atMost(TIMEOUT);
        try {
            holder.query("BEGIN; SELECT last_position FROM event_log_head FOR UPDATE").execute()
                    .await().atMost(TIMEOUT);
            CompletableFuture<?> webhook = CompletableFuture.supplyAsync(
                    () -> post(levelEvent(UUID.randomUUID(), UUID.randomUUID(), AT, "REGULAR")).statusCode(200));
            Thread.sleep(600);
            holder.query("COMMIT").execute().await().atMost(TIMEOUT);
            webhook.get(30, TimeUnit.SECONDS);
        } finally {
            holder.close().await().atMost(TIMEOUT);
        }
        assertTrue(sample("kyc_log_head_wait_seconds_count") >= waits + 1);
        assertEquals(quick, sample("kyc_log_head_wait_seconds_bucket", slow), "the wait was over 250 ms");
    }

    @Test
    void the_database_pool_is_measured() {
        assertTrue(given().get("/q/metrics").then().extract().asString().contains("sql_pool_active"),
                "reactive pool metrics are exported");
    }
}
