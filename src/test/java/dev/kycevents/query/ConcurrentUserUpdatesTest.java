package dev.kycevents.query;

import static dev.kycevents.support.Webhooks.httpRequest;
import static dev.kycevents.support.Webhooks.levelEvent;
import static dev.kycevents.support.Webhooks.sessionEvent;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.kycevents.support.Tokens;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** Many connections delivering one user's events at the same moment must never lose an update. */
@QuarkusTest
class ConcurrentUserUpdatesTest {

    @TestHTTPResource("/webhooks/ralio")
    URI endpoint;

    @Test
    void concurrent_deliveries_for_one_user_all_reach_the_view() throws Exception {
        UUID user = UUID.randomUUID();
        Instant t0 = Instant.parse("2025-07-01T10:00:00Z");
        List<byte[]> bodies = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            UUID session = UUID.randomUUID();
            bodies.add(sessionEvent("kyc_session_manual_review", UUID.randomUUID(), user, session, t0.plusSeconds(i))
                    .getBytes(StandardCharsets.UTF_8));
            bodies.add(sessionEvent("kyc_session_verified", UUID.randomUUID(), user, session,
                    t0.plusSeconds(i).plusMillis(500)).getBytes(StandardCharsets.UTF_8));
        }
        bodies.add(levelEvent(UUID.randomUUID(), user, t0.plusSeconds(100), "REGULAR")
                .getBytes(StandardCharsets.UTF_8));
        Collections.shuffle(bodies, new Random(7));

        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        List<CompletableFuture<HttpResponse<String>>> sent = new ArrayList<>();
        for (byte[] body : bodies) {
            sent.add(http.sendAsync(httpRequest(endpoint, body), HttpResponse.BodyHandlers.ofString()));
        }
        for (CompletableFuture<HttpResponse<String>> response : sent) {
            assertEquals(200, response.get().statusCode(), response.get().body());
        }

        given().auth().oauth2(Tokens.user(user)).get("/users/{uid}/kyc", user).then().statusCode(200)
                .body("version", equalTo(41))
                .body("level", equalTo("REGULAR"))
                .body("sessions", hasSize(20))
                .body("sessions.state", everyItem(equalTo("VERIFIED")));
    }
}
