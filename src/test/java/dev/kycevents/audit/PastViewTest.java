package dev.kycevents.audit;

import static dev.kycevents.support.Webhooks.REFUSED_FACE_MATCH;
import static dev.kycevents.support.Webhooks.levelEvent;
import static dev.kycevents.support.Webhooks.post;
import static dev.kycevents.support.Webhooks.sessionEvent;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kycevents.event.OwnEvents;
import dev.kycevents.event.SessionCreated;
import dev.kycevents.ingest.EventAppender;
import dev.kycevents.store.EventSource;
import dev.kycevents.store.NewEvent;
import dev.kycevents.support.Db;
import dev.kycevents.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** GET /users/{uid}/kyc?asOf=: the view as served at a past instant, for compliance. */
@QuarkusTest
class PastViewTest {

    static final Instant T1 = Instant.parse("2025-06-19T17:14:13.123Z");

    @Inject
    Pool pool;
    @Inject
    EventAppender appender;

    final UUID user = UUID.randomUUID();
    final UUID session = UUID.randomUUID();

    ValidatableResponse asOf(Instant at) {
        return given().auth().oauth2(Tokens.group("compliance")).queryParam("asOf", at.toString())
                .get("/users/{uid}/kyc", user).then().statusCode(200);
    }

    Instant recordedAt(UUID eventId) {
        return new Db(pool).rows("SELECT recorded_at FROM events WHERE event_id = $1", eventId).get(0)
                .getOffsetDateTime("recorded_at").toInstant();
    }

    Instant deliver(String body, UUID eventId) {
        post(body).statusCode(200);
        return recordedAt(eventId);
    }

    @Test
    void each_past_instant_shows_the_view_folded_from_the_events_recorded_by_then() {
        UUID review = UUID.randomUUID();
        UUID verified = UUID.randomUUID();
        UUID regular = UUID.randomUUID();
        Instant r1 = deliver(sessionEvent("kyc_session_manual_review", review, user, session, T1), review);
        Instant r2 = deliver(sessionEvent("kyc_session_verified", verified, user, session, T1.plusSeconds(60)), verified);
        Instant r3 = deliver(levelEvent(regular, user, T1.plusSeconds(120), "REGULAR"), regular);
        assertTrue(r1.isBefore(r2) && r2.isBefore(r3), "each event was recorded after the one before");

        asOf(r1.minus(1, ChronoUnit.MICROS))
                .body("level", equalTo("LIGHT")).body("sessions", empty()).body("currentSession", nullValue())
                .body("nextAction", equalTo("START_VERIFICATION")).body("version", equalTo(0));
        asOf(r1)
                .body("currentSession.state", equalTo("REVIEW")).body("nextAction", equalTo("WAIT_FOR_REVIEW"))
                .body("version", equalTo(1));
        asOf(r2.minus(1, ChronoUnit.MICROS))
                .body("currentSession.state", equalTo("REVIEW")).body("version", equalTo(1));
        asOf(r2)
                .body("currentSession.state", equalTo("VERIFIED")).body("level", equalTo("LIGHT"))
                .body("accountCreationAllowed", equalTo(false)).body("nextAction", equalTo("WAIT_FOR_LEVEL_UPDATE"))
                .body("version", equalTo(2));
        asOf(r3)
                .body("level", equalTo("REGULAR")).body("levelCode", equalTo(1))
                .body("accountCreationAllowed", equalTo(true)).body("nextAction", equalTo("CREATE_ACCOUNT"))
                .body("version", equalTo(3));
    }

    @Test
    void the_view_as_of_now_is_the_live_view() {
        UUID review = UUID.randomUUID();
        post(sessionEvent("kyc_session_manual_review", review, user, session, T1,
                REFUSED_FACE_MATCH)).statusCode(200);
        post(sessionEvent("kyc_session_failed", UUID.randomUUID(), user, UUID.randomUUID(), T1.plusSeconds(30)))
                .statusCode(200);
        post(levelEvent(UUID.randomUUID(), user, T1.plusSeconds(90), "LIGHT")).statusCode(200);

        String live = given().auth().oauth2(Tokens.group("kyc-service")).get("/users/{uid}/kyc", user).then()
                .statusCode(200).extract().asString();
        String past = asOf(Instant.now()).extract().asString();
        assertEquals(live, past);
    }

    @Test
    void the_next_action_is_judged_at_the_instant_asked_about() {
        Instant expiresAt = Instant.now().plus(Duration.ofDays(7)).truncatedTo(ChronoUnit.MILLIS);
        SessionCreated created = new SessionCreated(UUID.randomUUID(), user, session, Instant.now(),
                "https://verify.raliopay.com/session/abc", expiresAt);
        String payload = OwnEvents.json(created);
        appender.append(List.of(new NewEvent(created, payload, payload.getBytes(StandardCharsets.UTF_8),
                "application/json", EventSource.API))).await().atMost(Duration.ofSeconds(10));
        Instant recorded = recordedAt(created.eventId());

        asOf(recorded).body("currentSession.state", equalTo("NOT_STARTED"))
                .body("nextAction", equalTo("COMPLETE_VERIFICATION"));
        asOf(expiresAt.plusSeconds(1)).body("currentSession.state", equalTo("NOT_STARTED"))
                .body("nextAction", equalTo("CREATE_NEW_SESSION"));
    }

    @Test
    void an_instant_with_an_offset_is_accepted() {
        given().auth().oauth2(Tokens.group("compliance")).queryParam("asOf", "2025-06-19T19:14:13.5+02:00")
                .get("/users/{uid}/kyc", user).then().statusCode(200).body("version", equalTo(0));
    }

    @Test
    void an_invalid_instant_is_a_400_problem_naming_as_of() {
        // The last two parse, but PostgreSQL's timestamptz cannot hold them: a 400, not a 5xx on every retry.
        for (String bad : new String[] {"yesterday", "2025-06-19", "2025-06-19T17:14:13", "2025-13-01T00:00:00Z",
                "+999999999-12-31T23:59:59Z", "-50000-01-01T00:00:00Z"}) {
            given().auth().oauth2(Tokens.group("compliance")).queryParam("asOf", bad)
                    .get("/users/{uid}/kyc", user).then().statusCode(400)
                    .contentType("application/problem+json").body("field", equalTo("asOf"));
        }
    }

    @Test
    void the_user_and_the_kyc_service_may_not_read_past_views() {
        for (String token : new String[] {Tokens.user(user), Tokens.group("kyc-service"), Tokens.group("kyc-admin")}) {
            given().auth().oauth2(token).queryParam("asOf", "2025-06-19T17:14:13Z").get("/users/{uid}/kyc", user)
                    .then().statusCode(403).contentType("application/problem+json")
                    .body("type", equalTo("urn:kyc-events:problem:forbidden"));
        }
    }

    @Test
    void a_past_view_without_a_token_is_401() {
        given().queryParam("asOf", "2025-06-19T17:14:13Z").get("/users/{uid}/kyc", user).then().statusCode(401)
                .body("type", equalTo("urn:kyc-events:problem:unauthorized"));
    }
}
