package dev.kycevents.webhook;

import static dev.kycevents.support.Webhooks.levelEvent;
import static dev.kycevents.support.Webhooks.post;
import static dev.kycevents.support.Webhooks.sessionEvent;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kycevents.event.JsonLimits;
import dev.kycevents.support.Db;
import dev.kycevents.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Signed bodies that can never succeed are a 400 naming the field and store nothing; whatever is accepted is stored,
 * hashed, verified and read back by every reader, against the real (embedded) PostgreSQL.
 */
@QuarkusTest
class HostileInputTest {

    static final Instant T1 = Instant.parse("2025-06-19T17:14:13.123Z");
    static final List<String> SESSION_TYPES = List.of("kyc_session_manual_review", "kyc_session_verified",
            "kyc_session_failed", "kyc_session_expired", "kyc_session_something_new");

    @Inject
    Pool pool;
    Db db;
    final UUID user = UUID.randomUUID();
    final UUID session = UUID.randomUUID();

    @BeforeEach
    void setUp() {
        db = new Db(pool);
    }

    /** A session event with one extra field in data, written as given. */
    static String withExtra(String type, UUID eventId, UUID user, UUID session, Instant at, String name,
                            String value) {
        return sessionEvent(type, eventId, user, session, at).replace("\"checks\":[]",
                "\"checks\":[],\"" + name + "\":" + value);
    }

    long stored(UUID eventId) {
        return db.count("SELECT count(*) FROM events WHERE event_id = $1", eventId);
    }

    static ValidatableResponse compliance(String path, Object... params) {
        return given().auth().oauth2(Tokens.group("compliance")).get(path, params).then();
    }

    static void chainVerifies() {
        compliance("/audit/verify").statusCode(200).body("valid", equalTo(true));
    }

    @Test
    void a_number_jsonb_would_print_as_a_thousand_digits_is_400_naming_it_and_the_session_goes_on() {
        post(sessionEvent("kyc_session_manual_review", UUID.randomUUID(), user, session, T1)).statusCode(200);
        UUID hostile = UUID.randomUUID();

        post(withExtra("kyc_session_manual_review", hostile, user, session, T1.plusSeconds(1), "n", "1e1000"))
                .statusCode(400)
                .contentType("application/problem+json")
                .body("field", equalTo("data.n"));

        assertEquals(0, stored(hostile));
        post(sessionEvent("kyc_session_verified", UUID.randomUUID(), user, session, T1.plusSeconds(2)))
                .statusCode(200);
        given().auth().oauth2(Tokens.user(user)).get("/users/{uid}/kyc", user).then().statusCode(200)
                .body("currentSession.state", equalTo("VERIFIED"));
        compliance("/users/{uid}/kyc/explain", user).statusCode(200);
        compliance("/users/{uid}/events", user).statusCode(200);
        chainVerifies();
    }

    @Test
    void numbers_that_would_expand_a_small_body_into_megabytes_are_refused() {
        UUID hostile = UUID.randomUUID();
        String thousand = "[" + String.join(",", Collections.nCopies(1000, "1e131071")) + "]";

        post(withExtra("kyc_session_manual_review", hostile, user, session, T1, "n", thousand))
                .statusCode(400).body("field", equalTo("data.n[0]"));

        // Within the digit limit each, but 20 times the body once printed in full.
        String packed = "[" + String.join(",", Collections.nCopies(1000, "1e99")) + "]";
        post(withExtra("kyc_session_manual_review", hostile, user, session, T1, "n", packed))
                .statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("urn:kyc-events:problem:invalid-event"))
                .body("field", startsWith("data.n["))
                .body("detail", startsWith("the event would be stored as more than"));
        assertEquals(0, stored(hostile));
    }

    @Test
    void an_accepted_body_is_stored_and_served_within_twice_its_size() {
        UUID event = UUID.randomUUID();
        // As many full-length numbers as the bound lets through: the worst accepted case.
        String numbers = "[" + String.join(",", Collections.nCopies(9, "1e99")) + "]";
        long position = post(withExtra("kyc_session_manual_review", event, user, session, T1, "n", numbers))
                .statusCode(200).extract().jsonPath().getLong("position");

        Row row = db.rows("SELECT octet_length(payload::text) AS payload, octet_length(raw_body) AS raw"
                + " FROM events WHERE event_id = $1", event).get(0);
        long raw = row.getLong("raw");
        assertTrue(row.getLong("payload") <= JsonLimits.maxStoredLength(raw), row.getLong("payload") + " from " + raw);
        byte[] page = compliance("/events?after={after}&limit=1", position - 1).statusCode(200)
                .extract().asByteArray();
        assertTrue(page.length < JsonLimits.maxStoredLength(raw) + 1000, page.length + " bytes for a " + raw
                + "-byte body");
        chainVerifies();
    }

    @Test
    void extreme_timestamps_are_stored_hashed_verified_and_read_back_for_every_event_type() {
        List<String> instants = List.of("2262-04-11T23:47:17Z", "9999-12-31T23:59:59Z", "0001-01-01T00:00:00Z",
                "1677-09-21T00:12:43Z");
        for (String at : instants) {
            for (String type : SESSION_TYPES) {
                UUID event = UUID.randomUUID();
                post(sessionEvent(type, event, user, UUID.randomUUID(), Instant.parse(at))).statusCode(200);
                assertEquals(1, stored(event), type + " at " + at);
            }
            post(levelEvent(UUID.randomUUID(), user, Instant.parse(at), "REGULAR")).statusCode(200);
        }

        List<String> occurred = compliance("/users/{uid}/events?limit=1000", user).statusCode(200)
                .extract().jsonPath().getList("events.occurredAt");
        assertEquals(instants.size() * (SESSION_TYPES.size() + 1), occurred.size());
        for (String at : instants) {
            assertEquals(SESSION_TYPES.size() + 1, Collections.frequency(occurred, at), at);
        }
        given().auth().oauth2(Tokens.user(user)).get("/users/{uid}/kyc", user).then().statusCode(200);
        compliance("/users/{uid}/kyc?asOf={asOf}", user, "9999-12-31T23:59:59Z").statusCode(200);
        compliance("/users/{uid}/kyc/explain", user).statusCode(200);
        compliance("/audit/export").statusCode(200);
        chainVerifies();
        given().auth().oauth2(Tokens.group("kyc-admin")).post("/admin/projections/rebuild").then().statusCode(200);
    }

    @Test
    void timestamps_outside_years_1_to_9999_utc_are_400_naming_the_field() {
        for (String at : List.of("+10000-01-01T00:00:00Z", "9999-12-31T23:59:59-05:00", "0001-01-01T00:00:00+05:00",
                "-0001-06-01T00:00:00Z")) {
            UUID event = UUID.randomUUID();
            String body = sessionEvent("kyc_session_verified", event, user, session, T1)
                    .replace(T1.toString(), at);
            post(body.getBytes(StandardCharsets.UTF_8)).statusCode(400).body("field", equalTo("timestamp"));
            assertEquals(0, stored(event), at);
        }
    }
}
