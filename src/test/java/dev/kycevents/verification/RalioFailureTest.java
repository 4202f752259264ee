package dev.kycevents.verification;

import static dev.kycevents.support.Webhooks.sessionEvent;
import static dev.kycevents.verification.Verifications.hostedUrl;
import static dev.kycevents.verification.Verifications.json;
import static dev.kycevents.verification.Verifications.ralioAnswers;
import static dev.kycevents.verification.Verifications.ralioCalls;
import static dev.kycevents.verification.Verifications.ralioCreates;
import static dev.kycevents.verification.Verifications.start;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.kycevents.support.Db;
import dev.kycevents.support.Webhooks;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.http.Fault;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Starting a verification when Ralio gives no usable session: 502, and nothing recorded. */
@QuarkusTest
@WithTestResource(RalioStub.class)
class RalioFailureTest {

    @RalioStub.Server
    WireMockServer ralio;
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

    /** 502 problem+json that names no cause and never the key; no event, no claim left behind. */
    ValidatableResponse startFailsWith502AndRecordsNothing() {
        ValidatableResponse response = start(user).statusCode(502)
                .contentType("application/problem+json")
                .body("status", is(502))
                .body("type", is("urn:kyc-events:problem:ralio-unavailable"))
                .body(not(containsString(RalioStub.KEY)));
        assertEquals(0, db.count("SELECT count(*) FROM events WHERE user_id = $1", user));
        assertEquals(0, db.count("SELECT count(*) FROM session_view WHERE user_id = $1", user));
        assertEquals(0, db.count("SELECT count(*) FROM verification_requests WHERE user_id = $1", user));
        return response;
    }

    @Test
    void ralio_answering_500_is_502_and_a_later_retry_succeeds() {
        ralioAnswers(ralio, user, json(500, "{\"error\":\"internal\"}"));
        startFailsWith502AndRecordsNothing();

        ralioCreates(ralio, user, session);
        start(user).statusCode(201).body("sessionId", is(session.toString()));
        assertEquals(2, ralioCalls(ralio, user));
    }

    @Test
    void ralio_answering_400_is_502_not_the_callers_fault() {
        ralioAnswers(ralio, user, json(400, "{\"error\":\"bad request\",\"echo\":\"" + RalioStub.KEY + "\"}"));
        startFailsWith502AndRecordsNothing();
    }

    @Test
    void ralio_answering_401_for_a_wrong_key_is_502() {
        ralioAnswers(ralio, user, json(401, "{\"error\":\"invalid api key\"}"));
        startFailsWith502AndRecordsNothing();
    }

    @Test
    void ralio_slower_than_the_read_timeout_is_502_in_about_that_time() {
        ralioAnswers(ralio, user, json(201, """
                {"id":"%s","hostedUrl":"%s"}""".formatted(session, hostedUrl(session)))
                .withFixedDelay(RalioStub.READ_TIMEOUT_MILLIS * 3));

        startFailsWith502AndRecordsNothing().time(lessThan(RalioStub.READ_TIMEOUT_MILLIS * 3L));
    }

    @Test
    void ralio_unreachable_is_502() {
        ralio.stop(); // connection refused at Ralio's address
        try {
            startFailsWith502AndRecordsNothing();
        } finally {
            ralio.start();
        }
    }

    @Test
    void ralio_dropping_the_connection_is_502() {
        ralioAnswers(ralio, user, aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER));
        startFailsWith502AndRecordsNothing();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "not json",
        "",
        "[]",
        "{\"hostedUrl\":\"https://verify.raliopay.com/session/x\"}",
        "{\"id\":\"abc123\",\"hostedUrl\":\"https://verify.raliopay.com/session/x\"}",
        "{\"id\":\"5f0c6f9e-8d6a-4b7e-9a53-2f1d8c0b7a11\"}",
        "{\"id\":\"5f0c6f9e-8d6a-4b7e-9a53-2f1d8c0b7a11\",\"hostedUrl\":42}",
        "{\"id\":\"5f0c6f9e-8d6a-4b7e-9a53-2f1d8c0b7a11\",\"hostedUrl\":\"javascript:alert(1)\"}",
        "{\"id\":\"5f0c6f9e-8d6a-4b7e-9a53-2f1d8c0b7a11\",\"hostedUrl\":\"https://v.example/s\",\"expiresAt\":\"soon\"}",
    })
    void a_malformed_answer_is_502(String answer) {
        ralioAnswers(ralio, user, json(201, answer));
        startFailsWith502AndRecordsNothing();
    }

    @Test
    void a_session_id_that_belongs_to_another_user_is_502() {
        UUID someoneElse = UUID.randomUUID();
        Webhooks.post(sessionEvent("kyc_session_failed", UUID.randomUUID(), someoneElse, session, Instant.now()))
                .statusCode(200);
        ralioCreates(ralio, user, session);

        startFailsWith502AndRecordsNothing();
    }
}
