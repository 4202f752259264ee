package dev.kycevents.audit;

import static dev.kycevents.support.Webhooks.httpRequest;
import static dev.kycevents.support.Webhooks.levelEvent;
import static dev.kycevents.support.Webhooks.sessionEvent;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kycevents.support.Db;
import dev.kycevents.support.Tokens;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * The feed is safe to follow while events are being appended: appends hold the log-head lock
 * until they commit, so positions become visible in order with no gaps, and a consumer paging
 * with nextAfter sees every event exactly once.
 */
@QuarkusTest
class FeedUnderConcurrentAppendsTest {

    static final int WEBHOOKS = 400;
    static final int WAVE = 20;

    @TestHTTPResource("/webhooks/ralio")
    URI webhooks;
    @Inject
    Pool pool;

    @Test
    void a_reader_paging_through_the_feed_during_concurrent_appends_sees_every_event_once_in_contiguous_positions()
            throws Exception {
        String token = Tokens.group("compliance");
        given().auth().oauth2(token).get("/events?limit=1").then().statusCode(200); // a warm reader
        long start = new Db(pool).count("SELECT last_position FROM event_log_head");
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        Set<String> sent = ConcurrentHashMap.newKeySet();
        List<CompletableFuture<HttpResponse<Void>>> deliveries = new CopyOnWriteArrayList<>();
        // Waves of concurrent deliveries, one after the other, so appends keep committing while the reader pages.
        CompletableFuture<Void> allSent = CompletableFuture.runAsync(() -> {
            for (int i = 0; i < WEBHOOKS; i++) {
                UUID id = UUID.randomUUID();
                UUID user = UUID.randomUUID();
                String body = i % 3 == 0 ? levelEvent(id, user, Instant.now(), "REGULAR")
                        : sessionEvent("kyc_session_manual_review", id, user, UUID.randomUUID(), Instant.now());
                sent.add(id.toString());
                deliveries.add(http.sendAsync(httpRequest(webhooks, body.getBytes(StandardCharsets.UTF_8)),
                        HttpResponse.BodyHandlers.discarding()));
                if (i % WAVE == WAVE - 1) { // the wave is committed before the next one starts
                    CompletableFuture.allOf(deliveries.subList(i + 1 - WAVE, i + 1)
                            .toArray(CompletableFuture[]::new)).join();
                }
            }
        });
        CompletableFuture<Void> allDelivered = allSent.thenCompose(ignored ->
                CompletableFuture.allOf(deliveries.toArray(CompletableFuture[]::new)));

        List<String> seen = new ArrayList<>();
        long after = start;
        int pagesWhileAppending = 0;
        while (true) {
            boolean finished = allDelivered.isDone();
            JsonPath page = given().auth().oauth2(token)
                    .queryParam("after", after).queryParam("limit", 37).get("/events")
                    .then().statusCode(200).extract().jsonPath();
            List<Map<String, Object>> events = page.getList("events");
            for (Map<String, Object> event : events) {
                long position = ((Number) event.get("position")).longValue();
                assertEquals(after + 1, position, "the feed skipped or repeated a position");
                after = position;
                seen.add((String) event.get("eventId"));
            }
            assertEquals(after, page.getLong("nextAfter"));
            if (!finished) {
                pagesWhileAppending++;
            } else if (events.isEmpty()) {
                break; // everything was delivered before this page was asked for, and it is all read
            }
        }
        for (CompletableFuture<HttpResponse<Void>> delivery : deliveries) {
            assertEquals(200, delivery.get().statusCode());
        }

        assertEquals(WEBHOOKS, seen.size(), "every event seen once");
        assertEquals(sent, new HashSet<>(seen));
        assertEquals(start + WEBHOOKS, after);
        assertTrue(pagesWhileAppending > 1, "the reader paged while events were being appended");
    }
}
