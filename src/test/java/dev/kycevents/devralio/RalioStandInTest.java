package dev.kycevents.devralio;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.startsWith;

import dev.kycevents.support.SharedProfile;
import dev.kycevents.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The README's end-to-end walk on a laptop: the service calls the stand-in as it would call Ralio. */
@QuarkusTest
@TestProfile(SharedProfile.class)
class RalioStandInTest {

    final UUID user = UUID.randomUUID();
    final String token = Tokens.user(user);

    @Test
    void a_session_chosen_verified_on_the_hosted_page_takes_the_user_to_regular() {
        String hostedUrl = startVerification();

        given().when().get(hostedUrl)
                .then().statusCode(200).contentType(ContentType.HTML)
                .body(containsString("value=\"verified\""), containsString("value=\"review\""),
                        containsString("value=\"failed\""), containsString("value=\"expired\""));
        choose(hostedUrl, "verified", null)
                .body(containsString("kyc_session_verified → HTTP 200"), containsString("kyc_state_updated → HTTP 200"));

        given().auth().oauth2(token).when().get("/users/{uid}/kyc", user)
                .then().statusCode(200)
                .body("level", is("REGULAR"), "nextAction", is("CREATE_ACCOUNT"),
                        "currentSession.state", is("VERIFIED"), "accountCreationAllowed", is(true));
    }

    @Test
    void a_failure_carries_the_chosen_reason_to_the_view() {
        String hostedUrl = startVerification();

        choose(hostedUrl, "failed", "FACE_MISMATCH").body(containsString("kyc_session_failed → HTTP 200"));

        given().auth().oauth2(token).when().get("/users/{uid}/kyc", user)
                .then().statusCode(200)
                .body("level", is("LIGHT"), "nextAction", is("CREATE_NEW_SESSION"),
                        "currentSession.state", is("REJECTED"),
                        "currentSession.reasons[0].checkType", is("face-matching"),
                        "currentSession.reasons[0].code", is("FACE_MISMATCH"));
    }

    @Test
    void manual_review_and_expiry_reach_the_view_too() {
        choose(startVerification(), "review", null);
        given().auth().oauth2(token).when().get("/users/{uid}/kyc", user)
                .then().body("currentSession.state", is("REVIEW"), "nextAction", is("WAIT_FOR_REVIEW"));

        UUID other = UUID.randomUUID();
        String otherUrl = given().auth().oauth2(Tokens.user(other)).when()
                .post("/users/{uid}/identity-verifications", other).then().statusCode(201).extract().path("hostedUrl");
        choose(otherUrl, "expired", null);
        given().auth().oauth2(Tokens.user(other)).when().get("/users/{uid}/kyc", other)
                .then().body("currentSession.state", is("EXPIRED"), "nextAction", is("CREATE_NEW_SESSION"));
    }

    @Test
    void a_session_the_stand_in_never_made_is_not_found() {
        given().when().get("http://localhost:" + SharedProfile.STAND_IN_PORT + "/sessions/" + UUID.randomUUID())
                .then().statusCode(404).body(containsString("Unknown session"));
    }

    private String startVerification() {
        return given().auth().oauth2(token).when().post("/users/{uid}/identity-verifications", user)
                .then().statusCode(201)
                .body("hostedUrl", startsWith("http://localhost:" + SharedProfile.STAND_IN_PORT + "/sessions/"))
                .extract().path("hostedUrl");
    }

    private io.restassured.response.ValidatableResponse choose(String hostedUrl, String outcome, String reason) {
        var request = given().contentType(ContentType.URLENC).formParam("outcome", outcome);
        if (reason != null) {
            request = request.formParam("reason", reason);
        }
        return request.when().post(hostedUrl + "/outcome").then().statusCode(200);
    }
}
