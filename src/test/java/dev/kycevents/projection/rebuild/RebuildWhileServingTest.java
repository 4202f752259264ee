package dev.kycevents.projection.rebuild;

import static dev.kycevents.support.Webhooks.levelEvent;
import static dev.kycevents.support.Webhooks.post;
import static dev.kycevents.support.Webhooks.sessionEvent;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kycevents.support.BulkEvents;
import dev.kycevents.support.SuiteOrder;
import dev.kycevents.support.Tokens;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * The read models can be rebuilt while queries keep being answered. The
 * rebuild replays tens of thousands of events while this test reads views and delivers webhooks
 * in a loop; every answer is 200, and what was delivered meanwhile is in the rebuilt views.
 */
@QuarkusTest
@Order(SuiteOrder.BULK_25_000)
class RebuildWhileServingTest {

    static final Instant T1 = Instant.parse("2025-06-19T17:14:13.123Z");

    @TestHTTPResource("/admin/projections/rebuild")
    URI rebuild;
    @Inject
    Pool pool;

    @Test
    void queries_and_webhooks_are_answered_while_the_read_models_are_rebuilt() throws Exception {
        BulkEvents.append(pool, 5_000);
        UUID user = UUID.randomUUID();
        UUID session = UUID.randomUUID();
        post(sessionEvent("kyc_session_manual_review", UUID.randomUUID(), user, session, T1)).statusCode(200);
        String service = Tokens.group("kyc-service");

        HttpRequest request = HttpRequest.newBuilder(rebuild).POST(HttpRequest.BodyPublishers.noBody())
                .header("Authorization", "Bearer " + Tokens.group("kyc-admin")).build();
        CompletableFuture<HttpResponse<String>> running = HttpClient.newHttpClient()
                .sendAsync(request, HttpResponse.BodyHandlers.ofString());

        int answeredDuringRebuild = 0;
        int delivered = 0;
        while (!running.isDone()) {
            given().auth().oauth2(service).get("/users/{uid}/kyc", user).then().statusCode(200);
            given().auth().oauth2(service).get("/sessions/{id}", session).then().statusCode(200);
            post(levelEvent(UUID.randomUUID(), user, T1.plusSeconds(++delivered), "REGULAR")).statusCode(200);
            answeredDuringRebuild++;
        }
        HttpResponse<String> response = running.get();
        assertEquals(200, response.statusCode(), response.body());
        assertTrue(answeredDuringRebuild >= 3, "queries ran during the rebuild: " + answeredDuringRebuild);

        // Webhooks delivered during the rebuild are in the swapped-in views, and a second rebuild agrees.
        given().auth().oauth2(service).get("/users/{uid}/kyc", user).then().statusCode(200)
                .body("level", equalTo("REGULAR")).body("version", equalTo(1 + delivered));
        JsonPath again = given().auth().oauth2(Tokens.group("kyc-admin")).post("/admin/projections/rebuild").then()
                .statusCode(200).extract().jsonPath();
        assertEquals(0, again.getLong("drift.sessions"));
        assertEquals(0, again.getLong("drift.levels"));
    }
}
