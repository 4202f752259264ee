package dev.kycevents.query;

import static dev.kycevents.support.Webhooks.REFUSED_FACE_MATCH;
import static dev.kycevents.support.Webhooks.levelEvent;
import static dev.kycevents.support.Webhooks.post;
import static dev.kycevents.support.Webhooks.sessionEvent;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.kycevents.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A user's view and one session over HTTP: level, next action, sessions and refusal reasons, the ETag and 304,
 * and who may read what; against real PostgreSQL.
 */
@QuarkusTest
class UserKycResourceTest {

    static final Instant T1 = Instant.parse("2025-06-19T17:14:13.123Z");
    final UUID user = UUID.randomUUID();
    final UUID session = UUID.randomUUID();

    ValidatableResponse view(UUID uid) {
        return given().auth().oauth2(Tokens.user(uid)).get("/users/{uid}/kyc", uid).then();
    }

    void deliver(String type, UUID sessionId, Instant at) {
        post(sessionEvent(type, UUID.randomUUID(), user, sessionId, at)).statusCode(200);
    }

    void deliverLevel(String level, Instant at) {
        post(levelEvent(UUID.randomUUID(), user, at, level)).statusCode(200);
    }

    @Test
    void an_unknown_user_is_light_with_no_sessions() {
        view(user).statusCode(200)
                .body("userId", equalTo(user.toString()))
                .body("level", equalTo("LIGHT"))
                .body("levelCode", equalTo(2))
                .body("accountCreationAllowed", equalTo(false))
                .body("nextAction", equalTo("START_VERIFICATION"))
                .body("currentSession", nullValue())
                .body("sessions", empty())
                .body("version", equalTo(0));
    }

    @Test
    void manual_review_shows_the_refusal_reasons_and_asks_to_wait() {
        post(sessionEvent("kyc_session_manual_review", UUID.randomUUID(), user, session, T1, REFUSED_FACE_MATCH))
                .statusCode(200);

        view(user).statusCode(200)
                .body("nextAction", equalTo("WAIT_FOR_REVIEW"))
                .body("currentSession.sessionId", equalTo(session.toString()))
                .body("currentSession.state", equalTo("REVIEW"))
                .body("currentSession.stateCode", equalTo(4))
                .body("currentSession.checks.type", contains("document-verification", "face-matching"))
                .body("currentSession.reasons[0].checkType", equalTo("face-matching"))
                .body("currentSession.reasons[0].code", equalTo("LOW_CONFIDENCE"))
                .body("currentSession.reasons[0].message", equalTo("Face matching confidence below threshold"))
                .body("currentSession.updatedAt", equalTo("2025-06-19T17:14:13.123Z"))
                .body("version", equalTo(1));
    }

    @Test
    void verified_alone_never_allows_account_creation() {
        deliver("kyc_session_verified", session, T1);

        view(user).statusCode(200)
                .body("currentSession.state", equalTo("VERIFIED"))
                .body("level", equalTo("LIGHT"))
                .body("accountCreationAllowed", equalTo(false))
                .body("nextAction", equalTo("WAIT_FOR_LEVEL_UPDATE"));
    }

    @Test
    void regular_allows_account_creation_and_a_newer_light_revokes_it() {
        deliver("kyc_session_verified", session, T1);
        deliverLevel("REGULAR", T1.plusSeconds(1));
        view(user).body("level", equalTo("REGULAR")).body("levelCode", equalTo(1))
                .body("accountCreationAllowed", equalTo(true)).body("nextAction", equalTo("CREATE_ACCOUNT"));

        deliverLevel("LIGHT", T1.plusSeconds(60));
        view(user).body("level", equalTo("LIGHT")).body("accountCreationAllowed", equalTo(false));
    }

    @Test
    void a_late_older_level_update_does_not_win() {
        deliverLevel("REGULAR", T1.plusSeconds(60));
        deliverLevel("LIGHT", T1);
        view(user).body("level", equalTo("REGULAR")).body("version", equalTo(2));
    }

    @Test
    void a_late_older_event_never_regresses_a_session() {
        deliver("kyc_session_verified", session, T1.plusSeconds(60));
        deliver("kyc_session_manual_review", session, T1);
        view(user).body("currentSession.state", equalTo("VERIFIED"));
    }

    @Test
    void rejected_and_expired_sessions_ask_for_a_new_session() {
        deliver("kyc_session_failed", session, T1);
        view(user).body("currentSession.state", equalTo("REJECTED")).body("currentSession.stateCode", equalTo(5))
                .body("nextAction", equalTo("CREATE_NEW_SESSION"));

        UUID second = UUID.randomUUID();
        deliver("kyc_session_expired", second, T1.plusSeconds(3600));
        view(user).body("currentSession.sessionId", equalTo(second.toString()))
                .body("currentSession.state", equalTo("EXPIRED")).body("currentSession.stateCode", equalTo(6))
                .body("nextAction", equalTo("CREATE_NEW_SESSION"))
                .body("sessions.sessionId", contains(second.toString(), session.toString()));
    }

    @Test
    void a_transition_out_of_a_terminal_state_is_ignored() {
        deliver("kyc_session_failed", session, T1);
        deliver("kyc_session_verified", session, T1.plusSeconds(10));
        view(user).body("currentSession.state", equalTo("REJECTED"));
    }

    // ---- ETag ----

    @Test
    void an_unchanged_view_is_answered_304_and_a_new_event_changes_the_tag() {
        deliver("kyc_session_manual_review", session, T1);
        String etag = view(user).statusCode(200).extract().header("ETag");

        given().auth().oauth2(Tokens.user(user)).header("If-None-Match", etag)
                .get("/users/{uid}/kyc", user).then().statusCode(304).header("ETag", equalTo(etag));

        deliver("kyc_session_verified", session, T1.plusSeconds(5));
        String newer = given().auth().oauth2(Tokens.user(user)).header("If-None-Match", etag)
                .get("/users/{uid}/kyc", user).then().statusCode(200)
                .body("currentSession.state", equalTo("VERIFIED")).extract().header("ETag");
        assertNotEquals(etag, newer);
    }

    @Test
    void an_unknown_user_has_a_tag_too() {
        String etag = view(user).extract().header("ETag");
        assertEquals("\"0\"", etag);
        given().auth().oauth2(Tokens.user(user)).header("If-None-Match", etag)
                .get("/users/{uid}/kyc", user).then().statusCode(304);
    }

    // ---- who may read ----

    @Test
    void a_uid_that_is_not_a_uuid_is_400() {
        given().auth().oauth2(Tokens.group("kyc-service")).get("/users/not-a-uuid/kyc").then().statusCode(400)
                .contentType("application/problem+json").body("field", equalTo("uid"));
    }

    @Test
    void no_token_is_401() {
        given().get("/users/{uid}/kyc", user).then().statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", equalTo("Bearer"))
                .body("type", equalTo("urn:kyc-events:problem:unauthorized"))
                .body("detail", equalTo("A bearer token is required."));
    }

    @Test
    void another_users_token_is_403() {
        given().auth().oauth2(Tokens.user(UUID.randomUUID())).get("/users/{uid}/kyc", user).then().statusCode(403)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:kyc-events:problem:forbidden"));
    }

    @Test
    void the_kyc_service_group_may_read_any_user() {
        given().auth().oauth2(Tokens.group("kyc-service")).get("/users/{uid}/kyc", user).then().statusCode(200);
    }

    @Test
    void compliance_may_read_any_users_current_view() {
        deliver("kyc_session_manual_review", session, T1);
        given().auth().oauth2(Tokens.group("compliance")).get("/users/{uid}/kyc", user).then().statusCode(200)
                .body("userId", equalTo(user.toString()))
                .body("currentSession.sessionId", equalTo(session.toString()));
    }

    @Test
    void compliance_may_read_any_session() {
        deliver("kyc_session_manual_review", session, T1);
        given().auth().oauth2(Tokens.group("compliance")).get("/sessions/{id}", session).then().statusCode(200)
                .body("userId", equalTo(user.toString()));
    }

    @Test
    void a_refused_read_says_what_was_refused() {
        deliver("kyc_session_manual_review", session, T1);
        String other = Tokens.user(UUID.randomUUID());
        given().auth().oauth2(other).get("/users/{uid}/kyc", user).then().statusCode(403)
                .body("detail", equalTo("This token may not read this user's KYC view."));
        given().auth().oauth2(other).get("/sessions/{id}", session).then().statusCode(403)
                .body("detail", equalTo("This token may not read this session."));
    }

    @Test
    void expired_forged_wrong_issuer_and_unsigned_tokens_are_401() {
        for (String token : new String[] {Tokens.expired(user), Tokens.signedByAnotherKey(user),
                Tokens.wrongIssuer(user), Tokens.algNone(user)}) {
            given().auth().oauth2(token).get("/users/{uid}/kyc", user).then().statusCode(401)
                    .contentType("application/problem+json")
                    .header("WWW-Authenticate", equalTo("Bearer error=\"invalid_token\""))
                    .body("type", equalTo("urn:kyc-events:problem:invalid-token"));
        }
    }

    // ---- sessions ----

    @Test
    void a_session_can_be_read_by_its_user() {
        deliver("kyc_session_manual_review", session, T1);
        given().auth().oauth2(Tokens.user(user)).get("/sessions/{id}", session).then().statusCode(200)
                .body("sessionId", equalTo(session.toString()))
                .body("state", equalTo("REVIEW"))
                .body("userId", equalTo(user.toString()));
        given().auth().oauth2(Tokens.user(UUID.randomUUID())).get("/sessions/{id}", session).then().statusCode(403)
                .body("type", equalTo("urn:kyc-events:problem:forbidden"))
                .body("detail", equalTo("This token may not read this session."));
        given().get("/sessions/{id}", session).then().statusCode(401)
                .body("type", equalTo("urn:kyc-events:problem:unauthorized"));
    }

    @Test
    void an_unknown_session_is_404() {
        given().auth().oauth2(Tokens.group("kyc-service")).get("/sessions/{id}", UUID.randomUUID()).then()
                .statusCode(404).contentType("application/problem+json")
                .body("type", equalTo("urn:kyc-events:problem:not-found"));
        given().auth().oauth2(Tokens.group("kyc-service")).get("/sessions/nope").then().statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:kyc-events:problem:invalid-parameter"))
                .body("field", equalTo("sessionId"));
    }
}
