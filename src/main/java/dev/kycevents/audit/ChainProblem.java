package dev.kycevents.audit;

/** How a row breaks the hash chain, in the order {@link HashLinkChecker} checks them. */
public enum ChainProblem {
    /** The position is not the previous one plus one: a row was removed (or the range was read out of order). */
    POSITION_GAP,
    /** {@code prev_hash} is not the previous row's {@code hash}: a row before this one was replaced. */
    LINK_BROKEN,
    /** The stored {@code hash} is not the hash of the row's content: the row was changed. */
    HASH_MISMATCH,
    /** {@code body_digest} is not the SHA-256 of {@code raw_body}: the body was changed. */
    DIGEST_MISMATCH,
    /** The {@code payload} column says something other than the raw body it was parsed from. */
    PAYLOAD_MISMATCH,
    /**
     * The body is cleared but no later {@code kyc_user_erased} event of the user covers the row: it was erased
     * outside the erasure path.
     */
    ERASURE_UNRECORDED,
    /**
     * {@code event_log_head} does not name the last row: rows were removed from the end (or the head moved past
     * them), rows were added without moving the head, or the last row or the head was rewritten.
     */
    HEAD_MISMATCH
}
