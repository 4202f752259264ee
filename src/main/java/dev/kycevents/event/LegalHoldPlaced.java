package dev.kycevents.event;

import java.time.Instant;
import java.util.UUID;

/** Compliance put the user's records under legal hold: they are not erased until it is released. */
public record LegalHoldPlaced(UUID eventId, UUID userId, Instant occurredAt, String reason)
        implements RetentionEvent {

    @Override
    public String type() {
        return EventTypes.LEGAL_HOLD_PLACED;
    }
}
