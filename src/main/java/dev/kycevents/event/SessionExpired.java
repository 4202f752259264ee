package dev.kycevents.event;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The session was not completed within its validity window. */
public record SessionExpired(UUID eventId, UUID userId, UUID session, Instant occurredAt, List<Check> checks)
        implements SessionEvent {

    public SessionExpired {
        checks = List.copyOf(checks);
    }

    @Override
    public String type() {
        return EventTypes.SESSION_EXPIRED;
    }
}
