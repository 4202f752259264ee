package dev.kycevents.instances;

import static dev.kycevents.support.Webhooks.httpRequest;
import static dev.kycevents.support.Webhooks.levelEvent;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The database stops under a running service: it is no longer ready (so a load balancer sends nothing), stays
 * live (so nothing restarts it for a fault that is not its own), and webhooks get a 503 problem so Ralio retries.
 */
class DatabaseDownIT {

    @Test
    void with_the_database_gone_it_is_live_not_ready_and_webhooks_get_503_so_ralio_retries() throws Exception {
        ItDatabase db = ItDatabase.start();
        try (ServiceProcess service = ServiceProcess.start("database-down", db).awaitReady(Duration.ofSeconds(60))) {
            db.close();
            HttpClient http = HttpClient.newHttpClient();

            HttpResponse<String> ready = get(http, service, "/q/health/ready");
            assertEquals(503, ready.statusCode(), ready.body());
            assertTrue(ready.body().contains("DOWN"), ready.body());
            assertEquals(200, get(http, service, "/q/health/live").statusCode());

            byte[] body = levelEvent(UUID.randomUUID(), UUID.randomUUID(), Instant.now(), "REGULAR")
                    .getBytes(StandardCharsets.UTF_8);
            HttpResponse<String> webhook = http.send(httpRequest(service.uri("/webhooks/ralio"), body),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(503, webhook.statusCode(), webhook.body());
            assertEquals("application/problem+json", webhook.headers().firstValue("Content-Type").orElse(""));
        } finally {
            db.close();
        }
    }

    private static HttpResponse<String> get(HttpClient http, ServiceProcess service, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(service.uri(path)).timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
