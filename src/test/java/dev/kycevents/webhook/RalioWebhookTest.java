package dev.kycevents.webhook;

import static dev.kycevents.support.Webhooks.fixture;
import static dev.kycevents.support.Webhooks.levelEvent;
import static dev.kycevents.support.Webhooks.post;
import static dev.kycevents.support.Webhooks.sessionEvent;
import static dev.kycevents.support.Webhooks.signed;
import static dev.kycevents.support.Webhooks.unsigned;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.kycevents.support.Db;
import dev.kycevents.support.MutableClock;
import dev.kycevents.support.Webhooks;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What POST /webhooks/ralio answers and stores for each kind of delivery (first, duplicate, conflicting,
 * unsigned, malformed, of an unknown type, of a wrong content type, too large), one test per case, against the
 * real (embedded) PostgreSQL.
 */
@QuarkusTest
class RalioWebhookTest {

    static final Instant AT = Instant.parse("2025-06-19T17:14:13.123Z");

    @TestHTTPResource("/webhooks/ralio")
    URI endpoint;
    @Inject
    Pool pool;
    @Inject
    MutableClock clock;
    Db db;

    @BeforeEach
    void setUp() {
        db = new Db(pool);
    }

    @AfterEach
    void releaseClock() {
        clock.release();
    }

    long stored(UUID eventId) {
        return db.count("SELECT count(*) FROM events WHERE event_id = $1", eventId);
    }

    @Test
    void first_delivery_is_stored_once_with_its_exact_bytes() {
        UUID event = UUID.randomUUID();
        UUID user = UUID.randomUUID();
        UUID session = UUID.randomUUID();
        // Odd spacing, key order and non-ASCII text must survive byte for byte.
        String body = "{ \"event\" : \"kyc_session_manual_review\",\n \"id\":\"" + event + "\", \"timestamp\":\""
                + AT + "\", \"data\": {\"userId\":\"" + user + "\",\"sessionId\":\"" + session
                + "\", \"checks\": [], \"note\": \"Zoë ✓\"}, \"extra\": {\"kept\": true}}";
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);

        post(bytes).statusCode(200)
                .body("received", equalTo(true))
                .body("duplicate", nullValue())
                .body("eventId", equalTo(event.toString()));

        Row row = db.rows("SELECT * FROM events WHERE event_id = $1", event).get(0);
        assertArrayEquals(bytes, row.getBuffer("raw_body").getBytes());
        assertEquals("kyc_session_manual_review", row.getString("event_type"));
        assertEquals(user, row.getUUID("user_id"));
        assertEquals(session, row.getUUID("session_id"));
        assertEquals(AT, row.getOffsetDateTime("occurred_at").toInstant());
        assertEquals("ralio-webhook", row.getString("source"));
        assertEquals(true, db.count("SELECT count(*) FROM events WHERE event_id = $1 "
                + "AND payload -> 'extra' ->> 'kept' = 'true' AND payload -> 'data' ->> 'note' = 'Zoë ✓'", event) == 1);
    }

    @Test
    void ralios_published_example_is_accepted() {
        byte[] body = fixture("kyc_session_manual_review.json");
        post(body).statusCode(200).body("received", equalTo(true));
        post(body).statusCode(200).body("duplicate", equalTo(true));
    }

    @Test
    void a_200_means_the_read_model_already_shows_the_event() {
        UUID user = UUID.randomUUID();
        UUID session = UUID.randomUUID();
        post(sessionEvent("kyc_session_manual_review", UUID.randomUUID(), user, session, AT)).statusCode(200);

        assertEquals("REVIEW", db.rows("SELECT state FROM session_view WHERE session_id = $1", session)
                .get(0).getString("state"));
        assertEquals(1, db.count("SELECT version FROM kyc_level_view WHERE user_id = $1", user));
    }

    @Test
    void duplicate_delivery_returns_200_and_stores_nothing() {
        UUID event = UUID.randomUUID();
        String body = sessionEvent("kyc_session_verified", event, UUID.randomUUID(), UUID.randomUUID(), AT);
        long position = post(body).statusCode(200).extract().jsonPath().getLong("position");

        post(body).statusCode(200)
                .body("received", equalTo(true))
                .body("duplicate", equalTo(true))
                .body("position", equalTo((int) position));
        assertEquals(1, stored(event));
    }

    @Test
    void duplicate_with_other_whitespace_is_still_a_duplicate() {
        UUID event = UUID.randomUUID();
        String body = levelEvent(event, UUID.randomUUID(), AT, "REGULAR");
        post(body).statusCode(200);
        post(body.replace(",", " ,\n ")).statusCode(200).body("duplicate", equalTo(true));
        assertEquals(1, stored(event));
    }

    @Test
    void same_id_with_different_content_is_a_conflict_and_keeps_the_first() {
        UUID event = UUID.randomUUID();
        UUID user = UUID.randomUUID();
        post(levelEvent(event, user, AT, "REGULAR")).statusCode(200);

        post(levelEvent(event, user, AT, "LIGHT")).statusCode(409)
                .contentType("application/problem+json")
                .body("status", equalTo(409))
                .body("type", equalTo("urn:kyc-events:problem:event-id-reused"));
        assertEquals(1, stored(event));
        assertEquals("REGULAR", db.rows("SELECT payload -> 'data' ->> 'state' AS s FROM events WHERE event_id = $1",
                event).get(0).getString("s"));
    }

    @Test
    void a_session_already_bound_to_another_user_is_a_conflict() {
        UUID session = UUID.randomUUID();
        post(sessionEvent("kyc_session_manual_review", UUID.randomUUID(), UUID.randomUUID(), session, AT))
                .statusCode(200);
        UUID intruder = UUID.randomUUID();

        post(sessionEvent("kyc_session_verified", UUID.randomUUID(), intruder, session, AT.plusSeconds(5)))
                .statusCode(409)
                .body("type", equalTo("urn:kyc-events:problem:session-of-another-user"));
        assertEquals(0, db.count("SELECT count(*) FROM events WHERE user_id = $1", intruder));
        assertEquals("REVIEW", db.rows("SELECT state FROM session_view WHERE session_id = $1", session)
                .get(0).getString("state"));
    }

    @Test
    void an_unknown_event_type_is_stored_and_ignored_by_projections() {
        UUID event = UUID.randomUUID();
        UUID user = UUID.randomUUID();
        UUID session = UUID.randomUUID();
        post(sessionEvent("kyc_session_teleported", event, user, session, AT)).statusCode(200)
                .body("received", equalTo(true));

        assertEquals(1, stored(event));
        assertEquals(0, db.count("SELECT count(*) FROM session_view WHERE session_id = $1", session));
        assertEquals("LIGHT", db.rows("SELECT level FROM kyc_level_view WHERE user_id = $1", user)
                .get(0).getString("level"));
    }

    // ---- signatures ----

    @Test
    void a_missing_signature_is_401_and_stores_nothing() {
        UUID event = UUID.randomUUID();
        signatureRefused(unsigned(levelEvent(event, UUID.randomUUID(), AT, "REGULAR").getBytes(StandardCharsets.UTF_8))
                .post("/webhooks/ralio").then().statusCode(401).contentType("application/problem+json"));
        assertEquals(0, stored(event));
    }

    @Test
    void a_signature_made_with_another_secret_is_401() {
        UUID event = UUID.randomUUID();
        byte[] body = levelEvent(event, UUID.randomUUID(), AT, "REGULAR").getBytes(StandardCharsets.UTF_8);
        signatureRefused(signed(body, "whsec_" + java.util.Base64.getEncoder().encodeToString("not-ralio".getBytes()),
                Instant.now()).post("/webhooks/ralio").then());
        assertEquals(0, stored(event));
    }

    @Test
    void a_body_changed_after_signing_is_401() {
        UUID event = UUID.randomUUID();
        byte[] body = levelEvent(event, UUID.randomUUID(), AT, "LIGHT").getBytes(StandardCharsets.UTF_8);
        byte[] forged = new String(body, StandardCharsets.UTF_8).replace("LIGHT", "REGULAR")
                .getBytes(StandardCharsets.UTF_8);
        var request = signed(body, Webhooks.SECRET, Instant.now());
        signatureRefused(request.body(forged).post("/webhooks/ralio").then());
        assertEquals(0, stored(event));
    }

    @Test
    void a_rotated_second_secret_is_accepted() {
        UUID event = UUID.randomUUID();
        byte[] body = levelEvent(event, UUID.randomUUID(), AT, "REGULAR").getBytes(StandardCharsets.UTF_8);
        signed(body, Webhooks.ROTATED_SECRET, Instant.now()).post("/webhooks/ralio").then().statusCode(200);
        assertEquals(1, stored(event));
    }

    @Test
    void a_timestamp_outside_five_minutes_either_way_is_401() {
        Instant now = Instant.parse("2026-03-01T12:00:00Z");
        clock.pin(now);
        UUID lateEvent = UUID.randomUUID();
        UUID earlyEvent = UUID.randomUUID();
        UUID edgeEvent = UUID.randomUUID();
        byte[] late = levelEvent(lateEvent, UUID.randomUUID(), AT, "REGULAR").getBytes(StandardCharsets.UTF_8);
        byte[] early = levelEvent(earlyEvent, UUID.randomUUID(), AT, "REGULAR").getBytes(StandardCharsets.UTF_8);
        byte[] edge = levelEvent(edgeEvent, UUID.randomUUID(), AT, "REGULAR").getBytes(StandardCharsets.UTF_8);

        signatureRefused(signed(late, Webhooks.SECRET, now.minusSeconds(301)).post("/webhooks/ralio").then());
        signatureRefused(signed(early, Webhooks.SECRET, now.plusSeconds(301)).post("/webhooks/ralio").then());
        signed(edge, Webhooks.SECRET, now.minusSeconds(300)).post("/webhooks/ralio").then().statusCode(200);
        assertEquals(0, stored(lateEvent));
        assertEquals(0, stored(earlyEvent));
        assertEquals(1, stored(edgeEvent));
    }

    // ---- malformed bodies ----

    @Test
    void not_json_is_400_problem() {
        invalidEvent(post("this is not json"))
                .body("field", nullValue())
                .body("detail", startsWith("the body is not a single valid JSON value"));
    }

    @Test
    void a_missing_required_field_is_400_naming_it() {
        UUID event = UUID.randomUUID();
        String body = sessionEvent("kyc_session_verified", event, UUID.randomUUID(), UUID.randomUUID(), AT)
                .replaceAll("\"sessionId\":\"[^\"]+\",", "");
        invalidEvent(post(body)).body("field", equalTo("data.sessionId"));
        assertEquals(0, stored(event));
    }

    @Test
    void a_bad_uuid_is_400_naming_the_field() {
        UUID event = UUID.randomUUID();
        String body = levelEvent(event, UUID.randomUUID(), AT, "REGULAR")
                .replaceAll("\"userId\":\"[^\"]+\"", "\"userId\":\"not-a-uuid\"");
        invalidEvent(post(body)).body("field", equalTo("data.userId"));
        assertEquals(0, stored(event));
    }

    @Test
    void a_bad_timestamp_is_400_naming_the_field() {
        UUID event = UUID.randomUUID();
        String body = levelEvent(event, UUID.randomUUID(), AT, "REGULAR")
                .replace(AT.toString(), "yesterday");
        invalidEvent(post(body)).body("field", equalTo("timestamp"));
        assertEquals(0, stored(event));
    }

    @Test
    void a_mistyped_field_is_400_naming_it() {
        UUID event = UUID.randomUUID();
        String body = sessionEvent("kyc_session_failed", event, UUID.randomUUID(), UUID.randomUUID(), AT,
                "{\"not\":\"an array\"}");
        invalidEvent(post(body)).body("field", startsWith("data.checks"));
        assertEquals(0, stored(event));
    }

    @Test
    void duplicate_keys_are_400() {
        UUID event = UUID.randomUUID();
        String body = levelEvent(event, UUID.randomUUID(), AT, "REGULAR")
                .replace("\"state\":\"REGULAR\"", "\"state\":\"LIGHT\",\"state\":\"REGULAR\"");
        invalidEvent(post(body))
                .body("field", equalTo("data.state"))
                .body("detail", startsWith("the body is not a single valid JSON value (line 1, column "));
        assertEquals(0, stored(event));
    }

    @Test
    void invalid_utf8_is_400() {
        UUID event = UUID.randomUUID();
        byte[] body = levelEvent(event, UUID.randomUUID(), AT, "REGULAR").getBytes(StandardCharsets.UTF_8);
        byte[] broken = Arrays.copyOf(body, body.length);
        int at = new String(body, StandardCharsets.UTF_8).indexOf("REGULAR");
        broken[at] = (byte) 0xC3; // starts a two-byte sequence that the next byte does not continue
        invalidEvent(post(broken))
                .body("field", nullValue())
                .body("detail", equalTo("the body is not valid UTF-8"));
        assertEquals(0, stored(event));
    }

    @Test
    void deep_nesting_is_400() {
        UUID event = UUID.randomUUID();
        String deep = "[".repeat(10_000) + "]".repeat(10_000);
        String body = levelEvent(event, UUID.randomUUID(), AT, "REGULAR")
                .replace("\"state\":\"REGULAR\"", "\"state\":\"REGULAR\",\"x\":" + deep);
        invalidEvent(post(body))
                .body("field", matchesPattern("data\\.x(\\[0\\])+"))
                .body("detail", containsString("is beyond the JSON limits"))
                .body("detail", containsString("nesting 32 deep"));
        assertEquals(0, stored(event));
    }

    @Test
    void text_postgresql_cannot_store_is_400_not_a_server_error() {
        UUID event = UUID.randomUUID();
        String body = levelEvent(event, UUID.randomUUID(), AT, "REGULAR")
                .replace("\"state\":\"REGULAR\"", "\"state\":\"REGULAR\",\"nul\":\"a\\u0000b\"");
        invalidEvent(post(body))
                .body("field", equalTo("data.nul"))
                .body("detail", equalTo("data.nul contains U+0000, which cannot be stored"));
        assertEquals(0, stored(event));
    }

    @Test
    void a_wrong_content_type_is_415() {
        UUID event = UUID.randomUUID();
        byte[] body = levelEvent(event, UUID.randomUUID(), AT, "REGULAR").getBytes(StandardCharsets.UTF_8);
        unsupportedMediaType(signed(body, Webhooks.SECRET, Instant.now()).contentType("text/plain")
                .post("/webhooks/ralio").then());
        unsupportedMediaType(signed(body, Webhooks.SECRET, Instant.now())
                .contentType("application/json; charset=ISO-8859-1").post("/webhooks/ralio").then());
        assertEquals(0, stored(event));
    }

    static ValidatableResponse invalidEvent(ValidatableResponse response) {
        return response.statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("urn:kyc-events:problem:invalid-event"))
                .body("title", equalTo("Bad Request"))
                .body("status", equalTo(400));
    }

    static void signatureRefused(ValidatableResponse response) {
        response.statusCode(401).contentType("application/problem+json")
                .body("type", equalTo("urn:kyc-events:problem:invalid-signature"))
                .body("title", equalTo("Unauthorized"))
                .body("detail",
                        equalTo("The webhook signature is missing, invalid or outside the accepted time window."));
    }

    static void unsupportedMediaType(ValidatableResponse response) {
        response.statusCode(415).contentType("application/problem+json")
                .body("type", equalTo("urn:kyc-events:problem:unsupported-media-type"))
                .body("title", equalTo("Unsupported Media Type"))
                .body("detail", equalTo("Send the event as application/json (UTF-8)."))
                .body("field", nullValue());
    }

    @Test
    void a_body_over_one_mebibyte_is_413() throws Exception {
        String padding = "x".repeat(1024 * 1024);
        String body = levelEvent(UUID.randomUUID(), UUID.randomUUID(), AT, "REGULAR")
                .replace("\"state\":\"REGULAR\"", "\"state\":\"REGULAR\",\"pad\":\"" + padding + "\"");
        // Like a careful client, ask first (Expect: 100-continue): the server refuses before reading
        // the body, instead of closing the socket under a client still writing it.
        HttpRequest signed = Webhooks.httpRequest(endpoint, body.getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(signed, (name, value) -> true).expectContinue(true).build();
        HttpResponse<String> response = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()
                .send(request, HttpResponse.BodyHandlers.ofString());
        assertEquals(413, response.statusCode());
    }

    @Test
    void a_body_just_under_the_limit_is_accepted() {
        UUID event = UUID.randomUUID();
        String start = levelEvent(event, UUID.randomUUID(), AT, "REGULAR")
                .replace("\"state\":\"REGULAR\"", "\"state\":\"REGULAR\",\"pad\":\"");
        String body = start + "x".repeat(1024 * 1024 - start.length() - 3) + "\"}}";
        assertEquals(1024 * 1024, body.length());
        post(body).statusCode(200);
        assertEquals(1, stored(event));
    }
}
