package dev.kycevents.event;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Automatic checks were inconclusive; a compliance officer will decide. */
public record SessionSentToReview(UUID eventId, UUID userId, UUID session, Instant occurredAt, List<Check> checks)
        implements SessionEvent {

    public SessionSentToReview {
        checks = List.copyOf(checks);
    }

    @Override
    public String type() {
        return EventTypes.SESSION_MANUAL_REVIEW;
    }
}
