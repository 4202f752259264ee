package dev.kycevents.http;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kycevents.support.Tokens;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Every error is application/problem+json, including the ones the framework answers by itself:
 * authentication (401), unknown routes, methods and media types, and an over-long body.
 */
@QuarkusTest
class ErrorBodiesTest {

    static final String PROBLEM = "application/problem+json";

    @TestHTTPResource("/webhooks/ralio")
    URI webhooks;

    final UUID user = UUID.randomUUID();

    static ValidatableResponse isProblem(ValidatableResponse response, int status) {
        return response.statusCode(status).contentType(PROBLEM).body("status", equalTo(status))
                .body("type", org.hamcrest.Matchers.startsWith("urn:kyc-events:problem:"));
    }

    @Test
    void no_token_is_401_problem_with_a_bearer_challenge() {
        isProblem(given().get("/users/{uid}/kyc", user).then(), 401)
                .header("WWW-Authenticate", "Bearer")
                .body("type", equalTo("urn:kyc-events:problem:unauthorized"));
        isProblem(given().get("/events").then(), 401);
        isProblem(given().post("/admin/projections/rebuild").then(), 401);
    }

    @Test
    void another_scheme_than_bearer_is_401_problem() {
        isProblem(given().header("Authorization", "Basic YTpi").get("/users/{uid}/kyc", user).then(), 401);
    }

    @Test
    void expired_forged_and_garbage_tokens_are_401_problem_saying_invalid_token() {
        for (String token : new String[] {Tokens.expired(user), Tokens.signedByAnotherKey(user),
                Tokens.wrongIssuer(user), Tokens.algNone(user), "not-a-jwt"}) {
            isProblem(given().auth().oauth2(token).get("/users/{uid}/kyc", user).then(), 401)
                    .header("WWW-Authenticate", "Bearer error=\"invalid_token\"")
                    .body("type", equalTo("urn:kyc-events:problem:invalid-token"));
        }
    }

    @Test
    void a_bad_token_on_an_open_path_is_401_problem_too() {
        isProblem(given().auth().oauth2("not-a-jwt").get("/q/health/live").then(), 401);
    }

    @Test
    void a_token_without_the_group_is_403_problem() {
        isProblem(given().auth().oauth2(Tokens.user(user)).get("/events").then(), 403);
        isProblem(given().auth().oauth2(Tokens.user(UUID.randomUUID())).get("/users/{uid}/kyc", user).then(), 403);
    }

    @Test
    void an_unknown_route_is_404_problem() {
        isProblem(given().get("/no/such/route").then(), 404);
        isProblem(given().auth().oauth2(Tokens.user(user)).get("/q/no-such-page").then(), 404);
    }

    @Test
    void a_method_the_route_does_not_take_is_405_problem() {
        isProblem(given().get("/webhooks/ralio").then(), 405);
        isProblem(given().auth().oauth2(Tokens.user(user)).delete("/sessions/{id}", UUID.randomUUID()).then(), 405);
        // /users/{uid}/kyc shares its prefix with the retention resource (/users/{uid}/...), and for a method
        // none of them takes the router answers 404: a problem too.
        isProblem(given().auth().oauth2(Tokens.user(user)).delete("/users/{uid}/kyc", user).then(), 404);
    }

    @Test
    void an_unacceptable_media_type_is_406_problem() {
        isProblem(given().auth().oauth2(Tokens.user(user)).accept("text/html").get("/users/{uid}/kyc", user).then(),
                406);
    }

    @Test
    void a_body_announced_over_the_limit_is_413_problem() throws Exception {
        byte[] body = new byte[1024 * 1024 + 1];
        HttpRequest request = HttpRequest.newBuilder(webhooks).header("Content-Type", "application/json")
                .timeout(Duration.ofSeconds(60)).POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
        HttpResponse<String> response = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()
                .send(request, HttpResponse.BodyHandlers.ofString());
        assertEquals(413, response.statusCode());
        assertEquals(PROBLEM, response.headers().firstValue("Content-Type").orElse(""));
        assertTrue(response.body().contains("\"status\":413"), response.body());
    }
}
