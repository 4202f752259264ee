package dev.kycevents.verification;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;

import dev.kycevents.support.Tokens;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import io.restassured.response.ValidatableResponse;
import java.util.UUID;

/** Calls of the start endpoint, and Ralio's side of them. */
final class Verifications {

    private Verifications() {
    }

    /** The path Ralio is called at for the user. */
    static String ralioPath(UUID user) {
        return "/api/v1/account/users/" + user + "/identity-verifications";
    }

    static String hostedUrl(UUID session) {
        return "https://verify.raliopay.com/session/" + session;
    }

    /** Ralio answers the user's next call with {@code answer}. */
    static void ralioAnswers(WireMockServer ralio, UUID user, ResponseDefinitionBuilder answer) {
        ralio.stubFor(post(urlPathEqualTo(ralioPath(user))).willReturn(answer));
    }

    /** Ralio creates {@code session} for the user, giving no expiry. */
    static void ralioCreates(WireMockServer ralio, UUID user, UUID session) {
        ralioAnswers(ralio, user, json(201, """
                {"id":"%s","hostedUrl":"%s","status":"NOT_STARTED"}""".formatted(session, hostedUrl(session))));
    }

    static ResponseDefinitionBuilder json(int status, String body) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody(body);
    }

    static int ralioCalls(WireMockServer ralio, UUID user) {
        return ralio.countRequestsMatching(postRequestedFor(urlPathEqualTo(ralioPath(user))).build()).getCount();
    }

    /** POST /users/{uid}/identity-verifications with the user's own token. */
    static ValidatableResponse start(UUID user) {
        return start(Tokens.user(user), user);
    }

    static ValidatableResponse start(String token, UUID user) {
        return given().auth().oauth2(token).post("/users/{uid}/identity-verifications", user).then();
    }

    static ValidatableResponse view(UUID user) {
        return given().auth().oauth2(Tokens.user(user)).get("/users/{uid}/kyc", user).then();
    }
}
