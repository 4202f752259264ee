package dev.kycevents.store;

import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;
import java.util.UUID;

/**
 * One row of the {@code events} table, exactly as stored and hashed.
 *
 * @param payloadJson null once erased
 * @param rawBody     null once erased
 * @param hashVersion {@link #HASH_V1} or {@link #HASH_V2} (see {@link HashChain})
 * @param bodyDigest  SHA-256 of the raw body: always there in version 2, and kept when a body is erased
 */
public record EventRow(long position, UUID eventId, String eventType, UUID userId, UUID sessionId,
                       Instant occurredAt, Instant recordedAt, String source, String contentType,
                       String payloadJson, byte[] rawBody, byte[] hash, byte[] prevHash, int hashVersion,
                       byte[] bodyDigest) {

    public static final int HASH_V1 = 1;
    public static final int HASH_V2 = 2;

    public EventRow {
        Objects.requireNonNull(eventId);
        if (rawBody == null && bodyDigest == null) {
            throw new IllegalArgumentException("an erased row keeps its body digest");
        }
    }

    /** A version 1 row, as written before hash version 2. */
    public EventRow(long position, UUID eventId, String eventType, UUID userId, UUID sessionId,
                    Instant occurredAt, Instant recordedAt, String source, String contentType,
                    String payloadJson, byte[] rawBody, byte[] hash, byte[] prevHash) {
        this(position, eventId, eventType, userId, sessionId, occurredAt, recordedAt, source, contentType,
                payloadJson, rawBody, hash, prevHash, HASH_V1, null);
    }

    public boolean erased() {
        return rawBody == null;
    }

    // Records compare arrays by identity; rows are values, so compare their bytes.
    @Override
    public boolean equals(Object o) {
        return o instanceof EventRow r && position == r.position && eventId.equals(r.eventId)
                && eventType.equals(r.eventType) && userId.equals(r.userId)
                && Objects.equals(sessionId, r.sessionId) && occurredAt.equals(r.occurredAt)
                && recordedAt.equals(r.recordedAt) && source.equals(r.source)
                && contentType.equals(r.contentType) && Objects.equals(payloadJson, r.payloadJson)
                && Arrays.equals(rawBody, r.rawBody) && Arrays.equals(hash, r.hash)
                && Arrays.equals(prevHash, r.prevHash) && hashVersion == r.hashVersion
                && Arrays.equals(bodyDigest, r.bodyDigest);
    }

    @Override
    public int hashCode() {
        return Objects.hash(position, eventId);
    }

    @Override
    public String toString() {
        return "EventRow[position=" + position + ", eventId=" + eventId + ", type=" + eventType + "]";
    }
}
