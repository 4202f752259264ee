package dev.kycevents.verification;

import static dev.kycevents.support.Webhooks.REFUSED_FACE_MATCH;
import static dev.kycevents.support.Webhooks.sessionEvent;
import static dev.kycevents.verification.Verifications.hostedUrl;
import static dev.kycevents.verification.Verifications.json;
import static dev.kycevents.verification.Verifications.ralioAnswers;
import static dev.kycevents.verification.Verifications.ralioCalls;
import static dev.kycevents.verification.Verifications.ralioCreates;
import static dev.kycevents.verification.Verifications.ralioPath;
import static dev.kycevents.verification.Verifications.start;
import static dev.kycevents.verification.Verifications.view;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.kycevents.support.Db;
import dev.kycevents.support.MutableClock;
import dev.kycevents.support.Tokens;
import dev.kycevents.support.Webhooks;
import com.github.tomakehurst.wiremock.WireMockServer;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Starting a verification: a new session through Ralio, or the user's open one again. */
@QuarkusTest
@WithTestResource(RalioStub.class)
class StartVerificationTest {

    static final Instant NOW = Instant.parse("2025-06-19T17:00:00.123456Z");
    static final Instant IN_SEVEN_DAYS = NOW.plus(Duration.ofDays(7));

    @RalioStub.Server
    WireMockServer ralio;
    @Inject
    MutableClock clock;
    @Inject
    Pool pool;
    Db db;

    final UUID user = UUID.randomUUID();
    final UUID session = UUID.randomUUID();

    @BeforeEach
    void setUp() {
        db = new Db(pool);
        ralio.resetAll();
    }

    @AfterEach
    void releaseClock() {
        clock.release();
    }

    List<Row> storedEvents() {
        return db.rows("SELECT * FROM events WHERE user_id = $1 ORDER BY position", user);
    }

    void deliver(String type, UUID sessionId, Instant at) {
        Webhooks.post(sessionEvent(type, UUID.randomUUID(), user, sessionId, at)).statusCode(200);
    }

    @Test
    void a_new_session_is_created_through_ralio_and_answered_201() {
        clock.pin(NOW);
        ralioCreates(ralio, user, session);

        start(user).statusCode(201)
                .header("Location", endsWith("/sessions/" + session))
                .body("sessionId", is(session.toString()))
                .body("hostedUrl", is(hostedUrl(session)))
                .body("expiresAt", is(IN_SEVEN_DAYS.toString()));

        ralio.verify(1, postRequestedFor(urlEqualTo(ralioPath(user)))
                .withHeader("Authorization", equalTo("Bearer " + RalioStub.KEY))
                .withHeader("Content-Type", equalTo("application/json"))
                .withRequestBody(equalToJson("{}")));
    }

    @Test
    void the_created_session_is_recorded_as_an_api_event() {
        clock.pin(NOW);
        ralioCreates(ralio, user, session);
        start(user).statusCode(201);

        List<Row> events = storedEvents();
        assertEquals(1, events.size());
        Row row = events.get(0);
        assertEquals("kyc_session_created", row.getString("event_type"));
        assertEquals("api", row.getString("source"));
        assertEquals("application/json", row.getString("content_type"));
        assertEquals(session, row.getUUID("session_id"));
        assertEquals(NOW, row.getOffsetDateTime("occurred_at").toInstant());
        JsonObject payload = new JsonObject(row.getBuffer("raw_body").toString(StandardCharsets.UTF_8));
        assertEquals(row.getUUID("event_id").toString(), payload.getString("id"));
        assertEquals("kyc_session_created", payload.getString("event"));
        assertEquals(NOW.toString(), payload.getString("timestamp"));
        assertEquals(new JsonObject().put("userId", user.toString()).put("sessionId", session.toString())
                .put("hostedUrl", hostedUrl(session)).put("expiresAt", IN_SEVEN_DAYS.toString()),
                payload.getJsonObject("data"));
        assertEquals(payload, new JsonObject(row.getValue("payload").toString()));
    }

    @Test
    void the_view_then_shows_the_session_not_started_with_its_page() {
        clock.pin(NOW);
        ralioCreates(ralio, user, session);
        start(user).statusCode(201);

        view(user).statusCode(200)
                .body("nextAction", is("COMPLETE_VERIFICATION"))
                .body("currentSession.sessionId", is(session.toString()))
                .body("currentSession.state", is("NOT_STARTED"))
                .body("currentSession.stateCode", is(1))
                .body("currentSession.hostedUrl", is(hostedUrl(session)))
                .body("currentSession.expiresAt", is(IN_SEVEN_DAYS.toString()));
    }

    @Test
    void ralios_own_expiry_is_kept_when_it_gives_one() {
        clock.pin(NOW);
        ralioAnswers(ralio, user, json(200, """
                {"id":"%s","hostedUrl":"%s","expiresAt":"2025-06-22T19:00:00.5+02:00","unknown":{"x":[1]}}"""
                .formatted(session, hostedUrl(session))));

        start(user).statusCode(201).body("expiresAt", is("2025-06-22T17:00:00.500Z"));
        view(user).body("currentSession.expiresAt", is("2025-06-22T17:00:00.500Z"));
    }

    @Test
    void the_kyc_service_may_start_a_verification_for_any_user() {
        ralioCreates(ralio, user, session);
        start(Tokens.group("kyc-service"), user).statusCode(201).body("sessionId", is(session.toString()));
    }

    // ---- the open session again ----

    @Test
    void an_open_session_is_answered_200_without_calling_ralio_again() {
        clock.pin(NOW);
        ralioCreates(ralio, user, session);
        start(user).statusCode(201);

        clock.pin(NOW.plus(Duration.ofDays(6)));
        start(user).statusCode(200)
                .header("Location", is((String) null))
                .body("sessionId", is(session.toString()))
                .body("hostedUrl", is(hostedUrl(session)))
                .body("expiresAt", is(IN_SEVEN_DAYS.toString()));
        assertEquals(1, ralioCalls(ralio, user));
        assertEquals(1, storedEvents().size());
    }

    @Test
    void a_session_in_review_is_reused() {
        ralioCreates(ralio, user, session);
        start(user).statusCode(201);
        deliver("kyc_session_manual_review", session, Instant.now().plusSeconds(1));

        start(user).statusCode(200).body("sessionId", is(session.toString()))
                .body("hostedUrl", is(hostedUrl(session)));
        assertEquals(1, ralioCalls(ralio, user));
    }

    @Test
    void a_session_in_review_is_reused_even_after_its_page_expired() {
        ralioCreates(ralio, user, session);
        start(user).statusCode(201);
        deliver("kyc_session_manual_review", session, Instant.now().plusSeconds(1));

        clock.pin(Instant.now().plus(Duration.ofDays(30)));
        start(user).statusCode(200).body("sessionId", is(session.toString()));
        assertEquals(1, ralioCalls(ralio, user));
    }

    @Test
    void a_session_only_known_from_webhooks_is_reused_without_a_page() {
        deliver("kyc_session_manual_review", session, Instant.now());

        start(user).statusCode(200).body("sessionId", is(session.toString()))
                .body("hostedUrl", is((String) null)).body("expiresAt", is((String) null));
        assertEquals(0, ralioCalls(ralio, user));
    }

    // ---- a new session when the current one cannot complete ----

    @Test
    void a_rejected_session_leads_to_a_new_one() {
        deliver("kyc_session_failed", session, Instant.now().minusSeconds(60));
        UUID second = UUID.randomUUID();
        ralioCreates(ralio, user, second);

        start(user).statusCode(201).body("sessionId", is(second.toString()));
        view(user).body("currentSession.sessionId", is(second.toString()))
                .body("nextAction", is("COMPLETE_VERIFICATION"));
    }

    @Test
    void an_expired_session_leads_to_a_new_one() {
        deliver("kyc_session_expired", session, Instant.now().minusSeconds(60));
        UUID second = UUID.randomUUID();
        ralioCreates(ralio, user, second);

        start(user).statusCode(201).body("sessionId", is(second.toString()));
    }

    @Test
    void an_unstarted_session_past_its_expiry_asks_for_and_gets_a_new_one() {
        clock.pin(NOW);
        ralioCreates(ralio, user, session);
        start(user).statusCode(201);

        clock.pin(IN_SEVEN_DAYS); // no kyc_session_expired from Ralio yet
        view(user).body("currentSession.state", is("NOT_STARTED")).body("nextAction", is("CREATE_NEW_SESSION"));

        UUID second = UUID.randomUUID();
        ralioCreates(ralio, user, second);
        start(user).statusCode(201).body("sessionId", is(second.toString()))
                .body("expiresAt", is(IN_SEVEN_DAYS.plus(Duration.ofDays(7)).toString()));
        view(user).body("nextAction", is("COMPLETE_VERIFICATION"))
                .body("currentSession.sessionId", is(second.toString()))
                .body("sessions.sessionId", contains(second.toString(), session.toString()));
        assertEquals(2, ralioCalls(ralio, user));
    }

    // ---- webhooks for the sessions ----

    @Test
    void a_webhook_for_a_session_created_here_updates_that_same_session() {
        ralioCreates(ralio, user, session);
        String expiresAt = start(user).statusCode(201).extract().path("expiresAt");

        Webhooks.post(sessionEvent("kyc_session_manual_review", UUID.randomUUID(), user, session,
                Instant.now().plusSeconds(1), REFUSED_FACE_MATCH)).statusCode(200);

        view(user).body("nextAction", is("WAIT_FOR_REVIEW"))
                .body("sessions.sessionId", contains(session.toString()))
                .body("currentSession.state", is("REVIEW"))
                .body("currentSession.hostedUrl", is(hostedUrl(session)))
                .body("currentSession.expiresAt", is(expiresAt))
                .body("currentSession.reasons[0].code", is("LOW_CONFIDENCE"));
    }

    @Test
    void a_webhook_for_a_session_never_created_here_still_creates_it() {
        deliver("kyc_session_verified", session, Instant.now());

        view(user).body("sessions.sessionId", contains(session.toString()))
                .body("currentSession.state", is("VERIFIED"))
                .body("currentSession.hostedUrl", is((String) null))
                .body("nextAction", is("WAIT_FOR_LEVEL_UPDATE"));
    }
}
