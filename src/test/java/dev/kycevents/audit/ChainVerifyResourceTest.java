package dev.kycevents.audit;

import static dev.kycevents.support.Webhooks.levelEvent;
import static dev.kycevents.support.Webhooks.post;
import static dev.kycevents.support.Webhooks.sessionEvent;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kycevents.store.EventRow;
import dev.kycevents.store.HashChain;
import dev.kycevents.support.Db;
import dev.kycevents.support.Tampering;
import dev.kycevents.support.ThreadProbe;
import dev.kycevents.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * GET /audit/verify against the real database, tampered with as someone with direct access could. The suite
 * shares one log, so every change is undone before the test ends, and the checks on the tampered rows use a
 * range around this test's own events.
 */
@QuarkusTest
class ChainVerifyResourceTest {

    static final Instant T1 = Instant.parse("2025-06-19T17:14:13.123Z");

    @Inject
    Pool pool;
    @Inject
    ChainWalker walker;
    Db db;
    /** The positions of the five events each test stores, in order. */
    final List<Long> positions = new ArrayList<>();

    @BeforeEach
    void storeFiveEvents() {
        db = new Db(pool);
        UUID user = UUID.randomUUID();
        UUID session = UUID.randomUUID();
        List<String> bodies = List.of(
                sessionEvent("kyc_session_manual_review", UUID.randomUUID(), user, session, T1),
                sessionEvent("kyc_session_verified", UUID.randomUUID(), user, session, T1.plusSeconds(60)),
                levelEvent(UUID.randomUUID(), user, T1.plusSeconds(120), "REGULAR"),
                sessionEvent("kyc_session_failed", UUID.randomUUID(), user, session, T1.plusSeconds(180)),
                levelEvent(UUID.randomUUID(), user, T1.plusSeconds(240), "LIGHT"));
        for (String body : bodies) {
            positions.add(post(body).statusCode(200).extract().jsonPath().getLong("position"));
        }
    }

    static ValidatableResponse verify(String query) {
        return given().auth().oauth2(Tokens.group("compliance")).get("/audit/verify" + query).then().log().ifValidationFails();
    }

    long position(int i) {
        return positions.get(i);
    }

    /** The range of this test's own events. */
    String ownRange() {
        return "?from=" + position(0) + "&to=" + position(4);
    }

    String hashAt(long position) {
        return HashChain.hex(db.rows("SELECT hash FROM events WHERE position = $1", position).get(0)
                .getBuffer("hash").getBytes());
    }

    Row head() {
        return db.rows("SELECT last_position, last_hash FROM event_log_head").get(0);
    }

    @Test
    void an_untouched_log_is_valid_from_genesis_to_the_head() {
        Row head = head();

        verify("").statusCode(200)
                .body("valid", equalTo(true))
                .body("checked", equalTo((int) head.getLong("last_position").longValue()))
                .body("firstBrokenPosition", nullValue())
                .body("problem", nullValue())
                .body("detail", nullValue())
                .body("lastPosition", equalTo((int) head.getLong("last_position").longValue()))
                .body("lastHash", equalTo(HashChain.hex(head.getBuffer("last_hash").getBytes())));
    }

    @Test
    void a_range_is_checked_from_the_stored_hash_of_the_row_before_it() {
        verify(ownRange()).statusCode(200)
                .body("valid", equalTo(true))
                .body("checked", equalTo(5))
                .body("lastPosition", equalTo((int) position(4)))
                .body("lastHash", equalTo(hashAt(position(4))));
    }

    @Test
    void a_range_that_goes_past_the_end_stops_at_the_head() {
        long end = head().getLong("last_position");

        verify("?from=" + position(3) + "&to=" + (end + 1000)).statusCode(200)
                .body("valid", equalTo(true))
                .body("checked", equalTo((int) (end - position(3) + 1)))
                .body("lastPosition", equalTo((int) end));
    }

    @Test
    void a_range_starting_just_after_the_end_checks_nothing_and_is_valid() {
        long end = head().getLong("last_position");

        verify("?from=" + (end + 1)).statusCode(200)
                .body("valid", equalTo(true))
                .body("checked", equalTo(0))
                .body("lastPosition", equalTo((int) end));
    }

    @Test
    void a_raw_body_changed_in_the_database_is_a_digest_mismatch_at_its_position() {
        try (Tampering tampering = new Tampering(pool)) {
            tampering.change(position(2), "UPDATE events SET raw_body = convert_to(replace(convert_from(raw_body, 'UTF8'), 'REGULAR', "
                    + "'LIGHT'), 'UTF8'), payload = jsonb_set(payload, '{data,state}', '\"LIGHT\"') WHERE position = $1");

            verify(ownRange()).statusCode(200)
                    .body("valid", equalTo(false))
                    .body("firstBrokenPosition", equalTo((int) position(2)))
                    .body("problem", equalTo("DIGEST_MISMATCH"))
                    .body("checked", equalTo(3))
                    .body("lastPosition", equalTo((int) position(1)));
        }
        verify(ownRange()).body("valid", equalTo(true));
    }

    @Test
    void a_raw_body_changed_with_its_digest_recomputed_is_a_hash_mismatch_at_its_position() {
        try (Tampering tampering = new Tampering(pool)) {
            tampering.change(position(2), "UPDATE events SET raw_body = convert_to(replace(convert_from(raw_body, 'UTF8'), 'REGULAR', "
                    + "'LIGHT'), 'UTF8'), payload = jsonb_set(payload, '{data,state}', '\"LIGHT\"') WHERE position = $1");
            tampering.change(position(2), "UPDATE events SET body_digest = sha256(raw_body) WHERE position = $1");

            verify(ownRange()).statusCode(200)
                    .body("valid", equalTo(false))
                    .body("firstBrokenPosition", equalTo((int) position(2)))
                    .body("problem", equalTo("HASH_MISMATCH"))
                    .body("checked", equalTo(3))
                    .body("lastPosition", equalTo((int) position(1)));
        }
        verify(ownRange()).body("valid", equalTo(true));
    }

    @Test
    void an_event_type_changed_in_the_database_is_a_hash_mismatch_at_its_position() {
        try (Tampering tampering = new Tampering(pool)) {
            tampering.change(position(3),
                    "UPDATE events SET event_type = 'kyc_session_verified' WHERE position = $1");

            verify(ownRange()).statusCode(200)
                    .body("valid", equalTo(false))
                    .body("firstBrokenPosition", equalTo((int) position(3)))
                    .body("problem", equalTo("HASH_MISMATCH"));
        }
        verify(ownRange()).body("valid", equalTo(true));
    }

    @Test
    void a_payload_changed_in_the_database_no_longer_matches_its_raw_body() {
        try (Tampering tampering = new Tampering(pool)) {
            tampering.change(position(4),
                    "UPDATE events SET payload = jsonb_set(payload, '{data,state}', '\"REGULAR\"') WHERE position = $1");

            verify(ownRange()).statusCode(200)
                    .body("valid", equalTo(false))
                    .body("firstBrokenPosition", equalTo((int) position(4)))
                    .body("problem", equalTo("PAYLOAD_MISMATCH"));
        }
        verify(ownRange()).body("valid", equalTo(true));
    }

    @Test
    void a_middle_row_deleted_from_the_database_is_a_gap_at_the_row_after_it() {
        try (Tampering tampering = new Tampering(pool)) {
            tampering.change(position(2), "DELETE FROM events WHERE position = $1");

            verify(ownRange()).statusCode(200)
                    .body("valid", equalTo(false))
                    .body("firstBrokenPosition", equalTo((int) position(3)))
                    .body("problem", equalTo("POSITION_GAP"))
                    .body("detail", equalTo("expected position " + position(2) + ", found " + position(3)))
                    .body("lastPosition", equalTo((int) position(1)));
        }
        verify(ownRange()).body("valid", equalTo(true));
    }

    @Test
    void a_range_whose_row_before_was_deleted_cannot_be_anchored_and_is_broken_there() {
        try (Tampering tampering = new Tampering(pool)) {
            tampering.change(position(1), "DELETE FROM events WHERE position = $1");

            verify("?from=" + position(2) + "&to=" + position(4)).statusCode(200)
                    .body("valid", equalTo(false))
                    .body("firstBrokenPosition", equalTo((int) position(1)))
                    .body("problem", equalTo("POSITION_GAP"))
                    .body("checked", equalTo(0))
                    .body("lastHash", nullValue());
        }
    }

    @Test
    void the_last_row_deleted_from_the_database_is_found_at_the_head() {
        long last = head().getLong("last_position");
        try (Tampering tampering = new Tampering(pool)) {
            tampering.change(last, "DELETE FROM events WHERE position = $1");

            verify("").statusCode(200)
                    .body("valid", equalTo(false))
                    .body("firstBrokenPosition", equalTo((int) last))
                    .body("problem", equalTo("HEAD_MISMATCH"))
                    .body("lastPosition", equalTo((int) last - 1));
        }
        verify("").body("valid", equalTo(true));
    }

    @Test
    void a_head_moved_past_the_rows_is_a_break() {
        long last = head().getLong("last_position");
        try (Tampering tampering = new Tampering(pool)) {
            tampering.moveHead(last + 2);

            verify("?from=" + position(0)).statusCode(200)
                    .body("valid", equalTo(false))
                    .body("firstBrokenPosition", equalTo((int) last + 1))
                    .body("problem", equalTo("HEAD_MISMATCH"))
                    .body("detail", containsString("rows were removed from the end"));
        }
    }

    @Test
    void a_well_chained_row_added_without_moving_the_head_is_a_break() {
        Row head = head();
        long last = head.getLong("last_position");
        try (Tampering tampering = new Tampering(pool)) {
            tampering.insert(forgedRowAfter(last, head.getBuffer("last_hash").getBytes()));

            verify("?from=" + position(0)).statusCode(200)
                    .body("valid", equalTo(false))
                    .body("firstBrokenPosition", equalTo((int) last + 1))
                    .body("problem", equalTo("HEAD_MISMATCH"))
                    .body("lastPosition", equalTo((int) last + 1));
        }
        verify("?from=" + position(0)).body("valid", equalTo(true));
    }

    /** A level upgrade with a correct hash, chained on the last row: only the head can tell it was never appended. */
    static EventRow forgedRowAfter(long position, byte[] prevHash) {
        UUID id = UUID.randomUUID();
        String body = levelEvent(id, UUID.randomUUID(), T1, "REGULAR");
        Instant now = HashChain.toMicros(Instant.now());
        byte[] raw = body.getBytes(StandardCharsets.UTF_8);
        byte[] hash = HashChain.hash(prevHash, position + 1, id, "kyc_state_updated", userOf(body), null, T1, now,
                "ralio-webhook", "application/json", raw);
        return new EventRow(position + 1, id, "kyc_state_updated", userOf(body), null, T1, now, "ralio-webhook",
                "application/json", body, raw, hash, prevHash);
    }

    static UUID userOf(String levelEventBody) {
        int at = levelEventBody.indexOf("\"userId\":\"") + 10;
        return UUID.fromString(levelEventBody.substring(at, at + 36));
    }

    @Test
    void pages_of_any_size_give_the_same_report_as_one_page() {
        ChainRange range = new ChainRange(position(0), position(4));
        ChainReport onePage = walker.verify(range).await().atMost(Duration.ofSeconds(30));

        for (ChainWalker.PageLimits limits : List.of(new ChainWalker.PageLimits(2, 1 << 20),
                new ChainWalker.PageLimits(1000, 1), new ChainWalker.PageLimits(4, 1))) {
            assertEquals(onePage, walker.verify(range, limits).await().atMost(Duration.ofSeconds(30)),
                    limits.toString());
        }
    }

    @Test
    void small_pages_find_a_gap_that_falls_between_two_pages() {
        try (Tampering tampering = new Tampering(pool)) {
            tampering.change(position(2), "DELETE FROM events WHERE position = $1");

            ChainReport report = walker.verify(new ChainRange(position(0), null), new ChainWalker.PageLimits(2, 1 << 20))
                    .await().atMost(Duration.ofSeconds(30));

            assertEquals(position(3), report.firstBrokenPosition());
            assertEquals(ChainProblem.POSITION_GAP, report.problem());
        }
    }

    @Test
    void positions_that_cannot_be_walked_are_400_problems_naming_the_parameter() {
        long end = head().getLong("last_position");
        for (String[] bad : new String[][] {{"?from=abc", "from"}, {"?from=0", "from"}, {"?to=-1", "to"},
                {"?from=+3", "from"}, {"?to=99999999999999999999", "to"}, {"?from=5&to=4", "from"},
                {"?from=" + (end + 2), "from"}}) {
            verify(bad[0]).statusCode(400)
                    .contentType("application/problem+json")
                    .body("type", equalTo("urn:kyc-events:problem:invalid-parameter"))
                    .body("field", equalTo(bad[1]));
        }
    }

    @Test
    void the_walk_runs_on_an_event_loop_from_request_to_answer() {
        verify("").statusCode(200);

        String threads = ThreadProbe.THREADS.get("GET /audit/verify");
        assertTrue(threads.matches("vert\\.x-eventloop-thread-\\d+ vert\\.x-eventloop-thread-\\d+"), threads);
    }

    @Test
    void only_compliance_may_verify() {
        verify("?from=" + position(0)).statusCode(200);
        given().auth().oauth2(Tokens.user(UUID.randomUUID())).get("/audit/verify").then().statusCode(403)
                .body("type", equalTo("urn:kyc-events:problem:forbidden"));
        given().auth().oauth2(Tokens.group("kyc-service")).get("/audit/verify").then().statusCode(403)
                .body("type", equalTo("urn:kyc-events:problem:forbidden"));
        given().auth().oauth2(Tokens.group("kyc-admin")).get("/audit/verify").then().statusCode(403)
                .body("type", equalTo("urn:kyc-events:problem:forbidden"));
        given().get("/audit/verify").then().statusCode(401)
                .body("type", equalTo("urn:kyc-events:problem:unauthorized"));
    }

    @Test
    void the_openapi_document_shows_every_answer_with_an_example() {
        Map<String, Map<String, Object>> responses = given().accept("application/json").get("/q/openapi?format=json")
                .then().statusCode(200).extract().jsonPath().getMap("paths.'/audit/verify'.get.responses");
        assertEquals(Set.of("200", "400", "401", "403"), responses.keySet());
        assertTrue(responses.get("200").toString().contains("firstBrokenPosition"), "the 200 example");
    }
}
