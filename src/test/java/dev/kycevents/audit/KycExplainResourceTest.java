package dev.kycevents.audit;

import static dev.kycevents.support.Webhooks.levelEvent;
import static dev.kycevents.support.Webhooks.post;
import static dev.kycevents.support.Webhooks.sessionEvent;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kycevents.support.ThreadProbe;
import dev.kycevents.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** GET /users/{uid}/kyc/explain: the user's real events replayed through the folds, for compliance. */
@QuarkusTest
class KycExplainResourceTest {

    static final Instant T1 = Instant.parse("2025-06-19T17:14:13.123Z");
    final UUID user = UUID.randomUUID();
    final UUID session = UUID.randomUUID();

    static ValidatableResponse explain(Object uid) {
        return given().auth().oauth2(Tokens.group("compliance")).get("/users/{uid}/kyc/explain", uid).then();
    }

    UUID deliverLevel(String level, Instant at) {
        UUID id = UUID.randomUUID();
        post(levelEvent(id, user, at, level)).statusCode(200);
        return id;
    }

    UUID deliver(String type, Instant at) {
        UUID id = UUID.randomUUID();
        post(sessionEvent(type, id, user, session, at)).statusCode(200);
        return id;
    }

    @Test
    void an_unknown_user_gets_the_default_explanation() {
        explain(user).statusCode(200)
                .body("userId", equalTo(user.toString()))
                .body("level.level", equalTo("LIGHT"))
                .body("level.basis", equalTo("default"))
                .body("level.decidedBy", nullValue())
                .body("level.ignored", empty())
                .body("sessions", empty())
                .body("ignored", empty());
    }

    @Test
    void a_late_level_update_is_shown_as_ignored_because_a_later_one_was_in_effect() {
        UUID upgrade = deliverLevel("REGULAR", T1.plusSeconds(3600));
        UUID lateDowngrade = deliverLevel("LIGHT", T1);

        explain(user).statusCode(200)
                .body("level.level", equalTo("REGULAR"))
                .body("level.basis", equalTo("latest kyc_state_updated"))
                .body("level.decidedBy.eventId", equalTo(upgrade.toString()))
                .body("level.decidedBy.occurredAt", equalTo("2025-06-19T18:14:13.123Z"))
                .body("level.decidedBy.late", equalTo(false))
                .body("level.ignored", hasSize(1))
                .body("level.ignored[0].eventId", equalTo(lateDowngrade.toString()))
                .body("level.ignored[0].type", equalTo("kyc_state_updated"))
                .body("level.ignored[0].late", equalTo(true))
                .body("level.ignored[0].reason",
                        equalTo("late arrival: the later update " + upgrade + " was already in effect"));
    }

    @Test
    void a_change_after_a_terminal_state_is_shown_as_an_ignored_anomaly() {
        UUID verified = deliver("kyc_session_verified", T1);
        UUID failed = deliver("kyc_session_failed", T1.plusSeconds(60));

        explain(user).statusCode(200)
                .body("sessions", hasSize(1))
                .body("sessions[0].sessionId", equalTo(session.toString()))
                .body("sessions[0].state", equalTo("VERIFIED"))
                .body("sessions[0].applied.eventId", contains(verified.toString()))
                .body("sessions[0].ignored.eventId", contains(failed.toString()))
                .body("sessions[0].ignored[0].reason", equalTo("after terminal state VERIFIED"))
                .body("level.level", equalTo("LIGHT"));
    }

    @Test
    void an_event_of_an_unknown_type_is_listed_as_ignored_with_its_type() {
        UUID unknown = UUID.randomUUID();
        post("""
                {"id":"%s","event":"kyc_document_uploaded","timestamp":"%s","data":{"userId":"%s"}}"""
                .formatted(unknown, T1, user)).statusCode(200);
        deliver("kyc_session_manual_review", T1.plusSeconds(5));

        explain(user).statusCode(200)
                .body("ignored", hasSize(1))
                .body("ignored[0].eventId", equalTo(unknown.toString()))
                .body("ignored[0].type", equalTo("kyc_document_uploaded"))
                .body("ignored[0].reason", equalTo("unknown type kyc_document_uploaded"))
                .body("sessions[0].state", equalTo("REVIEW"));
    }

    @Test
    void a_uid_that_is_not_a_uuid_is_a_400_problem() {
        explain("not-a-uuid").statusCode(400)
                .contentType("application/problem+json")
                .body("field", equalTo("uid"));
    }

    @Test
    void the_explanation_runs_on_an_event_loop_from_request_to_answer() {
        deliver("kyc_session_verified", T1);
        explain(user).statusCode(200);

        String threads = ThreadProbe.THREADS.get("GET /users/" + user + "/kyc/explain");
        assertTrue(threads.matches("vert\\.x-eventloop-thread-\\d+ vert\\.x-eventloop-thread-\\d+"), threads);
    }

    @Test
    void only_compliance_may_read_an_explanation() {
        String path = "/users/" + user + "/kyc/explain";
        explain(user).statusCode(200);
        given().auth().oauth2(Tokens.user(user)).get(path).then().statusCode(403)
                .body("type", equalTo("urn:kyc-events:problem:forbidden"));
        given().auth().oauth2(Tokens.group("kyc-service")).get(path).then().statusCode(403)
                .body("type", equalTo("urn:kyc-events:problem:forbidden"));
        given().auth().oauth2(Tokens.group("kyc-admin")).get(path).then().statusCode(403)
                .body("type", equalTo("urn:kyc-events:problem:forbidden"));
        given().get(path).then().statusCode(401)
                .body("type", equalTo("urn:kyc-events:problem:unauthorized"));
    }

    @Test
    void the_openapi_document_shows_every_answer_with_an_example() {
        Map<String, Map<String, Object>> responses = given().accept("application/json").get("/q/openapi?format=json")
                .then().statusCode(200).extract().jsonPath().getMap("paths.'/users/{uid}/kyc/explain'.get.responses");
        assertEquals(Set.of("200", "400", "401", "403", "410"), responses.keySet());
        assertTrue(responses.get("200").toString().contains("decidedBy"), "the 200 example");
    }
}
