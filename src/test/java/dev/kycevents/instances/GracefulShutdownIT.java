package dev.kycevents.instances;

import static dev.kycevents.support.Webhooks.httpRequest;
import static dev.kycevents.support.Webhooks.levelEvent;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** SIGTERM under load: whatever was answered 2xx is in the store; the rest may be retried by Ralio. */
class GracefulShutdownIT {

    @Test
    void no_accepted_event_is_lost_when_the_service_is_stopped_under_load() throws Exception {
        try (ItDatabase db = ItDatabase.start();
             ServiceProcess service = ServiceProcess.start("shutdown", db).awaitReady(Duration.ofSeconds(60))) {
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(Duration.ofSeconds(2)).build();
            Map<UUID, CompletableFuture<Integer>> sent = new ConcurrentHashMap<>();
            Semaphore inFlight = new Semaphore(64);
            Thread load = new Thread(() -> {
                while (!Thread.currentThread().isInterrupted()) {
                    UUID event = UUID.randomUUID();
                    byte[] body = levelEvent(event, UUID.randomUUID(), Instant.now(), "REGULAR")
                            .getBytes(StandardCharsets.UTF_8);
                    try {
                        inFlight.acquire();
                    } catch (InterruptedException e) {
                        return;
                    }
                    sent.put(event, http.sendAsync(httpRequest(service.uri("/webhooks/ralio"), body),
                                    HttpResponse.BodyHandlers.discarding())
                            .handle((response, error) -> error == null ? response.statusCode() : -1)
                            .whenComplete((status, error) -> inFlight.release()));
                }
            });
            load.start();
            Thread.sleep(3000);
            service.terminate(Duration.ofSeconds(30));
            load.interrupt();
            load.join();

            List<UUID> accepted = sent.entrySet().stream().filter(e -> e.getValue().join() / 100 == 2)
                    .map(Map.Entry::getKey).collect(Collectors.toList());
            assertTrue(accepted.size() > 100, "the load really ran: " + accepted.size());
            String ids = accepted.stream().map(id -> "'" + id + "'").collect(Collectors.joining(","));
            assertEquals(accepted.size(), db.count("SELECT count(*) FROM events WHERE event_id IN (" + ids + ")"),
                    "every event answered 2xx is stored");
        }
    }
}
