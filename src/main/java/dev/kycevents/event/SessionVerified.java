package dev.kycevents.event;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Ralio approved the session: every check passed. */
public record SessionVerified(UUID eventId, UUID userId, UUID session, Instant occurredAt, List<Check> checks)
        implements SessionEvent {

    public SessionVerified {
        checks = List.copyOf(checks);
    }

    @Override
    public String type() {
        return EventTypes.SESSION_VERIFIED;
    }
}
