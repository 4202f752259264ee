package dev.kycevents.audit;

import static dev.kycevents.audit.ChainVerifierTest.assertBroken;
import static dev.kycevents.audit.ChainVerifierTest.chain;
import static dev.kycevents.audit.ChainVerifierTest.verify;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kycevents.store.EventRow;
import dev.kycevents.store.HashChain;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Hash version 2 and erased rows, without a database: what still verifies, and what is caught. */
class ErasedChainVerifierTest {

    /** The rows re-chained under hash version 2, as the appender writes them. */
    static List<EventRow> chainV2(int n) {
        List<EventRow> rows = new ArrayList<>();
        byte[] prev = HashChain.GENESIS;
        for (EventRow r : chain(n)) {
            byte[] digest = HashChain.bodyDigest(r.rawBody());
            byte[] hash = HashChain.hashV2(prev, r.position(), r.eventId(), r.eventType(), r.userId(), r.sessionId(),
                    r.occurredAt(), r.recordedAt(), r.source(), r.contentType(), digest);
            rows.add(new EventRow(r.position(), r.eventId(), r.eventType(), r.userId(), r.sessionId(), r.occurredAt(),
                    r.recordedAt(), r.source(), r.contentType(), r.payloadJson(), r.rawBody(), hash, prev,
                    EventRow.HASH_V2, digest));
            prev = hash;
        }
        return rows;
    }

    /** What the erasure path leaves: no body, no payload, the digest of the body. */
    static EventRow erased(EventRow r) {
        return new EventRow(r.position(), r.eventId(), r.eventType(), r.userId(), r.sessionId(), r.occurredAt(),
                r.recordedAt(), r.source(), r.contentType(), null, null, r.hash(), r.prevHash(), r.hashVersion(),
                HashChain.bodyDigest(r.rawBody()));
    }

    static ChainVerifier walk(List<EventRow> rows, boolean erasuresRecorded) {
        ChainVerifier verifier = ChainVerifier.fromGenesis();
        rows.forEach(row -> verifier.accept(row, erasuresRecorded));
        return verifier;
    }

    @Test
    void a_version_2_chain_verifies() {
        assertTrue(verify(ChainVerifier.fromGenesis(), chainV2(5)).valid());
    }

    @Test
    void erased_version_2_rows_verify_by_their_digest() {
        List<EventRow> rows = chainV2(5);
        rows.set(1, erased(rows.get(1)));
        rows.set(2, erased(rows.get(2)));
        assertTrue(walk(rows, true).report().valid());
    }

    @Test
    void erased_version_1_rows_verify_by_their_links() {
        List<EventRow> rows = chain(5);
        rows.set(2, erased(rows.get(2)));
        assertTrue(walk(rows, true).report().valid());
    }

    @Test
    void an_erased_row_whose_digest_was_changed_is_a_hash_mismatch() {
        List<EventRow> rows = chainV2(5);
        EventRow e = erased(rows.get(2));
        rows.set(2, new EventRow(e.position(), e.eventId(), e.eventType(), e.userId(), e.sessionId(), e.occurredAt(),
                e.recordedAt(), e.source(), e.contentType(), null, null, e.hash(), e.prevHash(), e.hashVersion(),
                HashChain.bodyDigest("another body".getBytes(StandardCharsets.UTF_8))));
        assertBroken(walk(rows, true).report(), 3, ChainProblem.HASH_MISMATCH);
    }

    @Test
    void an_erased_row_whose_type_was_changed_is_a_hash_mismatch() {
        List<EventRow> rows = chainV2(5);
        EventRow e = erased(rows.get(3));
        rows.set(3, new EventRow(e.position(), e.eventId(), "kyc_state_updated", e.userId(), e.sessionId(),
                e.occurredAt(), e.recordedAt(), e.source(), e.contentType(), null, null, e.hash(), e.prevHash(),
                e.hashVersion(), e.bodyDigest()));
        assertBroken(walk(rows, true).report(), 4, ChainProblem.HASH_MISMATCH);
    }

    @Test
    void an_erasure_no_kyc_user_erased_event_records_is_caught() {
        List<EventRow> rows = chainV2(5);
        rows.set(1, erased(rows.get(1)));
        assertBroken(walk(rows, false).report(), 2, ChainProblem.ERASURE_UNRECORDED);
    }

    @Test
    void a_body_that_is_not_the_one_its_digest_was_taken_of_is_a_digest_mismatch() {
        List<EventRow> rows = chainV2(5);
        EventRow r = rows.get(2);
        String other = new String(r.rawBody(), StandardCharsets.UTF_8).replace("\"n\":3", "\"n\":33");
        rows.set(2, new EventRow(r.position(), r.eventId(), r.eventType(), r.userId(), r.sessionId(), r.occurredAt(),
                r.recordedAt(), r.source(), r.contentType(), r.payloadJson().replace("\"n\": 3", "\"n\": 33"),
                other.getBytes(StandardCharsets.UTF_8), r.hash(), r.prevHash(), r.hashVersion(), r.bodyDigest()));
        assertBroken(walk(rows, true).report(), 3, ChainProblem.DIGEST_MISMATCH);
    }
}
