package dev.kycevents.event;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Ralio rejected the session: one or more checks were refused. */
public record SessionFailed(UUID eventId, UUID userId, UUID session, Instant occurredAt, List<Check> checks)
        implements SessionEvent {

    public SessionFailed {
        checks = List.copyOf(checks);
    }

    @Override
    public String type() {
        return EventTypes.SESSION_FAILED;
    }
}
