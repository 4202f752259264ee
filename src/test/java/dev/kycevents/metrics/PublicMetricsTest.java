package dev.kycevents.metrics;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kycevents.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** What anyone can read at /q/metrics: no personal data, and meters a Prometheus setup can use. */
@QuarkusTest
class PublicMetricsTest {

    static final Pattern UUID_TEXT = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    static final Pattern HELP = Pattern.compile("^# HELP (kyc_\\w+) ?(.*)$", Pattern.MULTILINE);

    static String metrics() {
        return given().get("/q/metrics").then().statusCode(200).extract().asString();
    }

    @Test
    void no_user_id_reaches_a_metric_tag_from_a_404_or_a_431() {
        UUID notFound = UUID.randomUUID();
        UUID tooLarge = UUID.randomUUID();
        UUID rootNotFound = UUID.randomUUID();
        given().get("/users/" + notFound + "/nope").then().statusCode(404);
        given().get("/" + rootNotFound).then().statusCode(404);
        // Over quarkus.http.limits.max-header-size (20K): refused by Vert.x before any route matches.
        given().header("Authorization", "Bearer " + Tokens.user(tooLarge)).header("X-Padding", "x".repeat(30_000))
                .get("/users/" + tooLarge + "/kyc").then().statusCode(431);

        String text = metrics();
        for (UUID id : new UUID[] {notFound, tooLarge, rootNotFound}) {
            assertFalse(text.contains(id.toString()), "user id " + id + " in /q/metrics");
        }
        Matcher anyId = UUID_TEXT.matcher(text);
        assertFalse(anyId.find(), () -> "an id in /q/metrics: " + anyId.group());
    }

    @Test
    void every_kyc_meter_has_a_help_text() {
        Matcher help = HELP.matcher(metrics());
        int families = 0;
        while (help.find()) {
            families++;
            assertFalse(help.group(2).isBlank(), "empty HELP for " + help.group(1));
        }
        assertTrue(families >= 5, "kyc_* meters exported: " + families);
    }

    @Test
    void the_anomaly_counter_is_exported_before_any_anomaly() {
        // A registry of its own: the service's shared one may already have counted an anomaly.
        io.micrometer.core.instrument.simple.SimpleMeterRegistry fresh =
                new io.micrometer.core.instrument.simple.SimpleMeterRegistry();
        new KycMetrics(fresh);
        assertEquals(0.0, fresh.get("kyc.projection.anomalies").counter().count());
        assertTrue(metrics().lines().anyMatch(line -> line.startsWith("kyc_projection_anomalies_total")));
    }

    @Test
    void latencies_are_histograms_with_buckets_that_add_up_across_instances() {
        given().header("Authorization", "Bearer " + Tokens.group("kyc-service"))
                .get("/users/" + UUID.randomUUID() + "/kyc").then().statusCode(200);
        dev.kycevents.support.Webhooks.post(dev.kycevents.support.Webhooks.levelEvent(UUID.randomUUID(),
                UUID.randomUUID(), java.time.Instant.parse("2025-06-20T09:00:00Z"), "REGULAR")).statusCode(200);
        String text = metrics();
        for (String histogram : new String[] {"kyc_append_latency_seconds", "http_server_requests_seconds"}) {
            assertTrue(text.contains("# TYPE " + histogram + " histogram"), histogram + " is a histogram");
            assertTrue(text.lines().anyMatch(line -> line.startsWith(histogram + "_bucket{") && line.contains("le=\"0.1\"")),
                    histogram + " has the shared 100 ms bucket");
            assertFalse(text.contains(histogram + "{") && text.contains("quantile="),
                    histogram + " publishes no client-side quantiles, which cannot be aggregated");
        }
    }

    @Test
    void the_readme_lists_every_kyc_meter() throws IOException {
        String readme = Files.readString(Path.of("README.md"));
        Set<String> exported = new TreeSet<>();
        Matcher help = HELP.matcher(metrics());
        while (help.find()) {
            exported.add(help.group(1).replaceAll("_(total|bucket|count|sum|max)$", ""));
        }
        Set<String> missing = exported.stream().filter(name -> !readme.contains("`" + name))
                .collect(Collectors.toCollection(TreeSet::new));
        assertTrue(missing.isEmpty(), "kyc meters missing from the README's metrics table: " + missing);
    }
}
