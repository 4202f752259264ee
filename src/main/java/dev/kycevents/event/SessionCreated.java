package dev.kycevents.event;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** This service asked Ralio for a new session (source {@code api}); the user can start it at {@code hostedUrl}. */
public record SessionCreated(UUID eventId, UUID userId, UUID session, Instant occurredAt,
                             String hostedUrl, Instant expiresAt) implements SessionEvent {

    @Override
    public String type() {
        return EventTypes.SESSION_CREATED;
    }

    @Override
    public List<Check> checks() {
        return List.of();
    }
}
