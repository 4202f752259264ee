package com.example.kyc.store;

import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;
import java.util.UUID;

/** One row of the {@code events} table, exactly as stored and hashed. */
public record EventRow(long position, UUID eventId, String eventType, UUID userId, UUID sessionId,
                       Instant occurredAt, Instant recordedAt, String source, String contentType,
                       String payloadJson, byte[] rawBody, byte[] hash, byte[] prevHash) {

    public EventRow {
        Objects.requireNonNull(eventId);
        Objects.requireNonNull(rawBody);
    }

    // Records compare arrays by identity; rows are values, so compare their bytes.
    @Override
    public boolean equals(Object o) {
        return o instanceof EventRow r && position == r.position && eventId.equals(r.eventId)
                && eventType.equals(r.eventType) && userId.equals(r.userId)
                && Objects.equals(sessionId, r.sessionId) && occurredAt.equals(r.occurredAt)
                && recordedAt.equals(r.recordedAt) && source.equals(r.source)
                && contentType.equals(r.contentType) && payloadJson.equals(r.payloadJson)
                && Arrays.equals(rawBody, r.rawBody) && Arrays.equals(hash, r.hash)
                && Arrays.equals(prevHash, r.prevHash);
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
