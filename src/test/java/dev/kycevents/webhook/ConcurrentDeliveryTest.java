package dev.kycevents.webhook;

import static dev.kycevents.support.Webhooks.httpRequest;
import static dev.kycevents.support.Webhooks.sessionEvent;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.kycevents.support.Db;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** Ralio retries aggressively: the same event may arrive on many connections at the same moment. */
@QuarkusTest
class ConcurrentDeliveryTest {

    @TestHTTPResource("/webhooks/ralio")
    URI endpoint;
    @Inject
    Pool pool;

    @Test
    void the_same_event_on_many_connections_at_once_is_stored_once() throws Exception {
        UUID event = UUID.randomUUID();
        byte[] body = sessionEvent("kyc_session_verified", event, UUID.randomUUID(), UUID.randomUUID(),
                Instant.parse("2025-06-20T09:02:41.500Z")).getBytes(StandardCharsets.UTF_8);
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

        List<CompletableFuture<HttpResponse<String>>> deliveries = new ArrayList<>();
        for (int i = 0; i < 32; i++) {
            deliveries.add(http.sendAsync(httpRequest(endpoint, body), HttpResponse.BodyHandlers.ofString()));
        }
        int firsts = 0;
        for (CompletableFuture<HttpResponse<String>> delivery : deliveries) {
            HttpResponse<String> response = delivery.get();
            assertEquals(200, response.statusCode(), response.body());
            if (!response.body().contains("\"duplicate\":true")) {
                firsts++;
            }
        }
        assertEquals(1, firsts, "exactly one delivery is the first");
        assertEquals(1, new Db(pool).count("SELECT count(*) FROM events WHERE event_id = $1", event));
    }
}
