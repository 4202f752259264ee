package dev.kycevents.audit;

import dev.kycevents.store.EventRow;
import dev.kycevents.store.HashChain;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HashLinkCheckerTest {

    static final UUID USER = UUID.fromString("550e8400-e29b-41d4-a716-446655440001");
    static final UUID SESSION = UUID.fromString("550e8400-e29b-41d4-a716-446655440002");
    static final Instant T0 = Instant.parse("2025-06-19T17:14:13.123456Z");

    /** A correctly chained log of n rows from position 1, as the appender writes it. */
    static List<EventRow> chain(int n) {
        List<EventRow> rows = new ArrayList<>();
        byte[] prev = HashChain.GENESIS;
        for (int p = 1; p <= n; p++) {
            String body = "{\"id\":\"" + eventId(p) + "\",\"event\":\"kyc_session_verified\","
                    + "\"data\":{\"n\":" + p + "}}";
            EventRow row = sealed(new EventRow(p, eventId(p), "kyc_session_verified", USER, SESSION,
                    T0.plusSeconds(p), T0.plusSeconds(p + 1), "ralio-webhook", "application/json",
                    // jsonb's own spelling: keys sorted by length, then bytewise, spaces after separators
                    "{\"id\": \"" + eventId(p) + "\", \"data\": {\"n\": " + p + "}, "
                            + "\"event\": \"kyc_session_verified\"}",
                    body.getBytes(StandardCharsets.UTF_8), null, prev));
            rows.add(row);
            prev = row.hash();
        }
        return rows;
    }

    static UUID eventId(int position) {
        return new UUID(0xC4A1L, position);
    }

    /** The row with its hash computed from its content and prev_hash: what a forger who recomputes hashes writes. */
    static EventRow sealed(EventRow r) {
        EventRow unsealed = new EventRow(r.position(), r.eventId(), r.eventType(), r.userId(), r.sessionId(),
                r.occurredAt(), r.recordedAt(), r.source(), r.contentType(), r.payloadJson(), r.rawBody(),
                new byte[32], r.prevHash());
        return withHash(unsealed, HashChain.hashOf(unsealed));
    }

    static EventRow withHash(EventRow r, byte[] hash) {
        return new EventRow(r.position(), r.eventId(), r.eventType(), r.userId(), r.sessionId(), r.occurredAt(),
                r.recordedAt(), r.source(), r.contentType(), r.payloadJson(), r.rawBody(), hash, r.prevHash());
    }

    static EventRow withType(EventRow r, String type) {
        return new EventRow(r.position(), r.eventId(), type, r.userId(), r.sessionId(), r.occurredAt(),
                r.recordedAt(), r.source(), r.contentType(), r.payloadJson(), r.rawBody(), r.hash(), r.prevHash());
    }

    static EventRow withBody(EventRow r, String payloadJson, String rawBody) {
        return new EventRow(r.position(), r.eventId(), r.eventType(), r.userId(), r.sessionId(), r.occurredAt(),
                r.recordedAt(), r.source(), r.contentType(), payloadJson, rawBody.getBytes(StandardCharsets.UTF_8),
                r.hash(), r.prevHash());
    }

    static ChainReport verify(HashLinkChecker verifier, List<EventRow> rows) {
        for (EventRow row : rows) {
            verifier.accept(row);
        }
        return verifier.report();
    }

    static void assertBroken(ChainReport report, long position, ChainProblem problem) {
        assertFalse(report.valid(), "valid");
        assertEquals(position, report.firstBrokenPosition(), "first broken position");
        assertEquals(problem, report.problem(), "problem");
    }

    @Test
    void an_untouched_chain_is_valid_up_to_its_last_row() {
        List<EventRow> rows = chain(5);

        ChainReport report = verify(HashLinkChecker.fromGenesis(), rows);

        assertTrue(report.valid());
        assertEquals(5, report.checked());
        assertNull(report.firstBrokenPosition());
        assertNull(report.problem());
        assertEquals(5, report.lastPosition());
        assertEquals(HashChain.hex(rows.get(4).hash()), report.lastHash());
    }

    @Test
    void an_empty_log_is_valid_and_ends_at_genesis() {
        ChainReport report = HashLinkChecker.fromGenesis().report();

        assertTrue(report.valid());
        assertEquals(0, report.checked());
        assertEquals(0, report.lastPosition());
        assertEquals(HashChain.hex(HashChain.GENESIS), report.lastHash());
    }

    @Test
    void a_changed_raw_body_is_a_hash_mismatch_at_that_row() {
        List<EventRow> rows = chain(5);
        EventRow row = rows.get(2);
        String forged = new String(row.rawBody(), StandardCharsets.UTF_8).replace("\"n\":3", "\"n\":33");
        rows.set(2, withBody(row, row.payloadJson(), forged));

        assertBroken(verify(HashLinkChecker.fromGenesis(), rows), 3, ChainProblem.HASH_MISMATCH);
    }

    @Test
    void a_changed_event_type_is_a_hash_mismatch_at_that_row() {
        List<EventRow> rows = chain(5);
        rows.set(3, withType(rows.get(3), "kyc_session_failed"));

        assertBroken(verify(HashLinkChecker.fromGenesis(), rows), 4, ChainProblem.HASH_MISMATCH);
    }

    @Test
    void a_changed_payload_alone_is_a_payload_mismatch_because_the_hash_covers_only_the_raw_body() {
        List<EventRow> rows = chain(5);
        EventRow row = rows.get(1);
        String raw = new String(row.rawBody(), StandardCharsets.UTF_8);
        rows.set(1, withBody(row, row.payloadJson().replace("\"n\": 2", "\"n\": 22"), raw));

        assertBroken(verify(HashLinkChecker.fromGenesis(), rows), 2, ChainProblem.PAYLOAD_MISMATCH);
    }

    @Test
    void a_deleted_middle_row_is_a_position_gap_at_the_row_after_it() {
        List<EventRow> rows = chain(5);
        rows.remove(2);

        ChainReport report = verify(HashLinkChecker.fromGenesis(), rows);

        assertBroken(report, 4, ChainProblem.POSITION_GAP);
        assertEquals("expected position 3, found 4", report.detail());
        assertEquals(2, report.lastPosition(), "last good row");
    }

    @Test
    void a_forged_row_with_a_recomputed_hash_is_caught_at_the_next_rows_link() {
        List<EventRow> rows = chain(5);
        rows.set(2, sealed(withType(rows.get(2), "kyc_session_failed")));

        ChainReport report = verify(HashLinkChecker.fromGenesis(), rows);

        assertBroken(report, 4, ChainProblem.LINK_BROKEN);
        assertEquals(3, report.lastPosition(), "the forged row passes its own checks: only its successor shows it");
    }

    @Test
    void a_range_starting_mid_log_is_verified_from_the_hash_of_the_row_before_it() {
        List<EventRow> rows = chain(6);

        ChainReport report = verify(HashLinkChecker.after(3, rows.get(2).hash()), rows.subList(3, 6));

        assertTrue(report.valid());
        assertEquals(3, report.checked());
        assertEquals(6, report.lastPosition());
    }

    @Test
    void a_range_anchored_on_the_wrong_hash_breaks_at_its_first_row() {
        List<EventRow> rows = chain(6);

        ChainReport report = verify(HashLinkChecker.after(3, rows.get(1).hash()), rows.subList(3, 6));

        assertBroken(report, 4, ChainProblem.LINK_BROKEN);
    }

    @Test
    void a_range_whose_first_row_is_missing_is_a_position_gap() {
        List<EventRow> rows = chain(6);

        ChainReport report = verify(HashLinkChecker.after(3, rows.get(2).hash()), rows.subList(4, 6));

        assertBroken(report, 5, ChainProblem.POSITION_GAP);
    }

    @Test
    void rows_after_the_first_break_are_not_checked() {
        List<EventRow> rows = chain(5);
        rows.set(1, withType(rows.get(1), "kyc_session_failed"));
        HashLinkChecker verifier = HashLinkChecker.fromGenesis();

        assertTrue(verifier.accept(rows.get(0)));
        assertFalse(verifier.accept(rows.get(1)));
        assertFalse(verifier.accept(rows.get(2)));

        assertEquals(2, verifier.report().checked());
        assertBroken(verifier.report(), 2, ChainProblem.HASH_MISMATCH);
    }

    @Test
    void a_payload_spelled_as_jsonb_spells_it_matches_its_raw_body() {
        EventRow row = chain(1).get(0);
        String raw = "{\"b\": [1.50, true, null],\n \"a\": 1e2, \"c\": \"\\u00e9\", "
                + "\"big\": 123456789012345678901234567890}";
        String jsonb = "{\"a\": 100, \"b\": [1.50, true, null], \"c\": \"é\", "
                + "\"big\": 123456789012345678901234567890}";

        ChainReport report = verify(HashLinkChecker.fromGenesis(), List.of(sealed(withBody(row, jsonb, raw))));

        assertTrue(report.valid(), () -> String.valueOf(report));
    }

    @Test
    void a_payload_with_a_number_of_another_value_does_not_match() {
        EventRow row = chain(1).get(0);
        EventRow forged = sealed(withBody(row, "{\"a\": 100.000001}", "{\"a\": 100}"));

        assertBroken(verify(HashLinkChecker.fromGenesis(), List.of(forged)), 1, ChainProblem.PAYLOAD_MISMATCH);
    }

    @Test
    void a_raw_body_that_is_not_one_json_document_does_not_match_its_payload() {
        EventRow row = chain(1).get(0);
        EventRow trailing = sealed(withBody(row, "{\"a\": 1}", "{\"a\": 1} {\"a\": 2}"));

        assertBroken(verify(HashLinkChecker.fromGenesis(), List.of(trailing)), 1, ChainProblem.PAYLOAD_MISMATCH);
    }

    @Test
    void a_log_whose_head_names_its_last_row_is_valid_at_the_end() {
        List<EventRow> rows = chain(3);
        HashLinkChecker verifier = HashLinkChecker.fromGenesis();
        rows.forEach(verifier::accept);

        assertTrue(verifier.acceptEnd(3, rows.get(2).hash()));
        assertTrue(verifier.report().valid());
    }

    @Test
    void a_head_beyond_the_last_row_means_rows_were_cut_from_the_end() {
        List<EventRow> rows = chain(3);
        HashLinkChecker verifier = HashLinkChecker.fromGenesis();
        rows.subList(0, 2).forEach(verifier::accept);

        assertFalse(verifier.acceptEnd(3, rows.get(2).hash()));

        assertBroken(verifier.report(), 3, ChainProblem.HEAD_MISMATCH);
        assertEquals(2, verifier.report().lastPosition());
    }

    @Test
    void rows_beyond_the_head_were_added_without_moving_it() {
        List<EventRow> rows = chain(3);
        HashLinkChecker verifier = HashLinkChecker.fromGenesis();
        rows.forEach(verifier::accept);

        assertFalse(verifier.acceptEnd(2, rows.get(1).hash()));

        assertBroken(verifier.report(), 3, ChainProblem.HEAD_MISMATCH);
    }

    @Test
    void a_head_with_another_hash_for_the_last_position_means_one_of_them_was_rewritten() {
        List<EventRow> rows = chain(3);
        HashLinkChecker verifier = HashLinkChecker.fromGenesis();
        rows.forEach(verifier::accept);

        assertFalse(verifier.acceptEnd(3, rows.get(1).hash()));

        assertBroken(verifier.report(), 3, ChainProblem.HEAD_MISMATCH);
    }

    @Test
    void the_end_of_an_empty_log_is_the_genesis_head() {
        assertTrue(HashLinkChecker.fromGenesis().acceptEnd(0, HashChain.GENESIS));
    }

    @Test
    void a_range_whose_anchor_row_is_gone_is_broken_before_any_row_is_read() {
        HashLinkChecker verifier = HashLinkChecker.anchorMissing(4);

        assertFalse(verifier.accept(chain(5).get(4)));

        ChainReport report = verifier.report();
        assertBroken(report, 4, ChainProblem.POSITION_GAP);
        assertEquals(0, report.checked());
        assertNull(report.lastHash());
    }
}
