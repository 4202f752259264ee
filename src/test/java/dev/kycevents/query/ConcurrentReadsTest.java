package dev.kycevents.query;

import static dev.kycevents.support.Webhooks.levelEvent;
import static dev.kycevents.support.Webhooks.post;
import static dev.kycevents.support.Webhooks.sessionEvent;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kycevents.support.Tokens;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * Concurrent polls are coalesced into shared queries (LookupBatcher): each answer must still be
 * its own user's view and tag, never a neighbour's from the same batch.
 */
@QuarkusTest
class ConcurrentReadsTest {

    static final Instant T0 = Instant.parse("2025-08-01T09:00:00Z");
    static final int USERS = 24;
    static final int POLLS_PER_USER = 6;

    @TestHTTPResource("/")
    URI base;

    record Seeded(UUID user, UUID session, int version, String etag) {
    }

    @Test
    void every_concurrent_answer_is_its_own_users_view() throws Exception {
        String token = Tokens.group("kyc-service");
        List<Seeded> users = new ArrayList<>();
        for (int i = 0; i < USERS; i++) {
            UUID user = UUID.randomUUID();
            UUID session = UUID.randomUUID();
            // Different histories, so versions, states and tags differ from user to user.
            post(sessionEvent("kyc_session_manual_review", UUID.randomUUID(), user, session, T0)).statusCode(200);
            for (int j = 0; j < i % 4; j++) {
                post(levelEvent(UUID.randomUUID(), user, T0.plusSeconds(1 + j), j % 2 == 0 ? "REGULAR" : "LIGHT"))
                        .statusCode(200);
            }
            int version = 1 + i % 4;
            users.add(new Seeded(user, session, version, "\"" + version + "\""));
        }
        UUID unknown = UUID.randomUUID();

        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        List<CompletableFuture<Runnable>> checks = new ArrayList<>();
        for (int round = 0; round < POLLS_PER_USER; round++) {
            for (Seeded seeded : users) {
                // Polls alternate between a full view, a matching tag (304) and a stale tag (200).
                String ifNoneMatch = switch (round % 3) {
                    case 0 -> null;
                    case 1 -> seeded.etag();
                    default -> "\"" + (seeded.version() - 1) + "\"";
                };
                checks.add(http.sendAsync(request(seeded.user(), token, ifNoneMatch), HttpResponse.BodyHandlers.ofString())
                        .thenApply(response -> () -> assertAnswer(seeded, ifNoneMatch, response)));
            }
            checks.add(http.sendAsync(request(unknown, token, null), HttpResponse.BodyHandlers.ofString())
                    .thenApply(response -> () -> assertUnknown(unknown, response)));
        }
        for (CompletableFuture<Runnable> check : checks) {
            check.get().run();
        }
    }

    private HttpRequest request(UUID user, String token, String ifNoneMatch) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve("/users/" + user + "/kyc"))
                .header("Authorization", "Bearer " + token);
        if (ifNoneMatch != null) {
            request.header("If-None-Match", ifNoneMatch);
        }
        return request.build();
    }

    private static void assertAnswer(Seeded seeded, String ifNoneMatch, HttpResponse<String> response) {
        assertEquals(seeded.etag(), response.headers().firstValue("ETag").orElse(null), seeded.user().toString());
        if (seeded.etag().equals(ifNoneMatch)) {
            assertEquals(304, response.statusCode());
            return;
        }
        assertEquals(200, response.statusCode(), response.body());
        JsonNode view = json(response.body());
        assertEquals(seeded.user().toString(), view.get("userId").asText());
        assertEquals(seeded.version(), view.get("version").asInt());
        assertEquals(1, view.get("sessions").size());
        assertEquals(seeded.session().toString(), view.get("currentSession").get("sessionId").asText());
    }

    private static void assertUnknown(UUID user, HttpResponse<String> response) {
        assertEquals(200, response.statusCode(), response.body());
        JsonNode view = json(response.body());
        assertEquals(user.toString(), view.get("userId").asText());
        assertEquals(0, view.get("version").asInt());
        assertTrue(view.get("sessions").isEmpty());
    }

    private static JsonNode json(String body) {
        try {
            return new ObjectMapper().readTree(body);
        } catch (Exception e) {
            throw new AssertionError(body, e);
        }
    }
}
