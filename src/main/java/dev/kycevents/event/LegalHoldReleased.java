package dev.kycevents.event;

import java.time.Instant;
import java.util.UUID;

/** Compliance released the user's legal hold. */
public record LegalHoldReleased(UUID eventId, UUID userId, Instant occurredAt, String reason)
        implements RetentionEvent {

    @Override
    public String type() {
        return EventTypes.LEGAL_HOLD_RELEASED;
    }
}
