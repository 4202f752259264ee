package dev.kycevents.event;

import java.time.Instant;
import java.util.UUID;

/** The company ended its business relationship with the user at {@code endedAt}: the retention clock starts. */
public record RelationshipEnded(UUID eventId, UUID userId, Instant occurredAt, Instant endedAt)
        implements RetentionEvent {

    @Override
    public String type() {
        return EventTypes.RELATIONSHIP_ENDED;
    }
}
