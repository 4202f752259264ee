package dev.kycevents.audit;

import dev.kycevents.event.JsonLimits;
import dev.kycevents.store.EventRow;
import dev.kycevents.store.HashChain;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.util.Arrays;

/**
 * Walks the event log's hash chain one row at a time, in position order, keeping only the previous row's
 * position and hash: the verify endpoint streams millions of rows through it and stops at the first break.
 * Not thread-safe; one instance per walk.
 */
public final class HashLinkChecker {

    // The limits intake parsed the body with, numbers exact; a raw body must be one JSON document, nothing after.
    private static final ObjectMapper JSON = JsonLimits.mapper();

    private long lastPosition;
    private byte[] lastHash;
    private long checked;
    private ChainProblem problem;
    private long brokenPosition;
    private String detail;

    private HashLinkChecker(long lastPosition, byte[] lastHash) {
        this.lastPosition = lastPosition;
        this.lastHash = lastHash;
    }

    /** For a walk from position 1. */
    public static HashLinkChecker fromGenesis() {
        return after(0, HashChain.GENESIS);
    }

    /** For a range that starts mid-log: the row at {@code position} (the range's start minus one) has {@code hash}. */
    public static HashLinkChecker after(long position, byte[] hash) {
        return new HashLinkChecker(position, hash);
    }

    /** For a range whose anchor, the row at {@code position} (the range's start minus one), is gone from the log. */
    public static HashLinkChecker anchorMissing(long position) {
        HashLinkChecker verifier = new HashLinkChecker(position, null);
        verifier.broken(position, ChainProblem.POSITION_GAP,
                "position " + position + ", the row before the range, is missing");
        return verifier;
    }

    /** Checks the next row, an intact one; false once the chain is broken, and rows after the break are not looked at. */
    public boolean accept(EventRow row) {
        return accept(row, false);
    }

    /**
     * Checks the next row.
     *
     * @param erasureRecorded for an erased row: whether a later {@code kyc_user_erased} event of the row's user
     *                        covers its position, as every erasure through the erasure path leaves
     */
    public boolean accept(EventRow row, boolean erasureRecorded) {
        if (problem != null) {
            return false;
        }
        checked++;
        if (row.position() != lastPosition + 1) {
            return broken(row.position(), ChainProblem.POSITION_GAP,
                    "expected position " + (lastPosition + 1) + ", found " + row.position());
        }
        if (!Arrays.equals(row.prevHash(), lastHash)) {
            return broken(row.position(), ChainProblem.LINK_BROKEN, "prev_hash is not the hash of position " + lastPosition);
        }
        byte[] expected = HashChain.hashOf(row);
        // null: an erased version 1 row, whose hash covered the body; only its links (checked above and by the
        // next row) still prove it. See the README.
        if (expected != null && !Arrays.equals(expected, row.hash())) {
            return broken(row.position(), ChainProblem.HASH_MISMATCH, "hash does not match the row's content");
        }
        if (row.erased()) {
            if (!erasureRecorded) {
                return broken(row.position(), ChainProblem.ERASURE_UNRECORDED,
                        "the body was cleared but no later kyc_user_erased event of the user covers this position");
            }
        } else if (row.bodyDigest() != null && !Arrays.equals(HashChain.bodyDigest(row.rawBody()), row.bodyDigest())) {
            return broken(row.position(), ChainProblem.DIGEST_MISMATCH, "body_digest is not the SHA-256 of raw_body");
        } else if (!payloadMatchesRawBody(row)) {
            return broken(row.position(), ChainProblem.PAYLOAD_MISMATCH, "payload is not the JSON of raw_body");
        }
        lastPosition = row.position();
        lastHash = row.hash();
        return true;
    }

    /**
     * At the end of the log: {@code event_log_head} (read in the same snapshot as the end) must name the last row.
     * Rows are only ever checked against the ones before them, so this is what notices rows cut from the end.
     */
    public boolean acceptEnd(long headPosition, byte[] headHash) {
        if (problem != null) {
            return false;
        }
        if (headPosition > lastPosition) {
            return broken(lastPosition + 1, ChainProblem.HEAD_MISMATCH, "event_log_head says the log ends at position "
                    + headPosition + " but the rows end at " + lastPosition
                    + ": rows were removed from the end, or the head was moved past them");
        }
        if (headPosition < lastPosition) {
            return broken(headPosition + 1, ChainProblem.HEAD_MISMATCH, "the rows go on to position " + lastPosition
                    + " past event_log_head's " + headPosition
                    + ": rows were added without moving the head, or the head was moved back");
        }
        if (!Arrays.equals(headHash, lastHash)) {
            return broken(lastPosition, ChainProblem.HEAD_MISMATCH, "event_log_head's hash is not the hash of position "
                    + lastPosition + ": the last row, or the head, was rewritten");
        }
        return true;
    }

    public boolean isBroken() {
        return problem != null;
    }

    public ChainReport report() {
        boolean valid = problem == null;
        return new ChainReport(valid, checked, valid ? null : brokenPosition, problem, detail, lastPosition,
                lastHash == null ? null : HashChain.hex(lastHash));
    }

    private boolean broken(long position, ChainProblem found, String why) {
        problem = found;
        brokenPosition = position;
        detail = why;
        return false;
    }

    // payload is jsonb: PostgreSQL reorders keys, drops whitespace and respells numbers (1e2 as 100), so compare
    // trees, numbers by value. The hash covers raw_body only, so this is what catches an edited payload.
    private static boolean payloadMatchesRawBody(EventRow row) {
        try {
            JsonNode payload = JSON.readTree(row.payloadJson());
            JsonNode raw = JSON.readTree(row.rawBody());
            return payload.equals(HashLinkChecker::compareLeaves, raw);
        } catch (JsonProcessingException e) {
            return false;
        } catch (IOException e) {
            throw new IllegalStateException("reading JSON from memory cannot fail on I/O", e);
        }
    }

    private static int compareLeaves(JsonNode a, JsonNode b) {
        if (a.isNumber() && b.isNumber()) {
            return a.decimalValue().compareTo(b.decimalValue());
        }
        return a.equals(b) ? 0 : 1;
    }
}
