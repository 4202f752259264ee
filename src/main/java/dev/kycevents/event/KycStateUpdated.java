package dev.kycevents.event;

import java.time.Instant;
import java.util.UUID;

/** Ralio changed the user's KYC level (upgrades and downgrades alike). */
public record KycStateUpdated(UUID eventId, UUID userId, Instant occurredAt, KycLevel level) implements KycEvent {

    @Override
    public String type() {
        return EventTypes.STATE_UPDATED;
    }
}
