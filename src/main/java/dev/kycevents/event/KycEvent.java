package dev.kycevents.event;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * Something that happened to a user's identity verification, as recorded in the event store.
 * Every event belongs to one user's stream; session events also name the session.
 */
public sealed interface KycEvent
        permits SessionEvent, KycStateUpdated, RetentionEvent, Unrecognised {

    UUID eventId();

    UUID userId();

    Instant occurredAt();

    /** The wire name, e.g. {@code kyc_session_verified}. */
    String type();

    /** The session this event is about, if any. */
    default Optional<UUID> sessionId() {
        return Optional.empty();
    }
}
