package dev.kycevents.event;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** A well-formed event of a type this service does not know: stored as evidence, ignored by the folds. */
public record Unrecognised(UUID eventId, String type, UUID userId, UUID session, Instant occurredAt)
        implements KycEvent {

    @Override
    public Optional<UUID> sessionId() {
        return Optional.ofNullable(session);
    }
}
