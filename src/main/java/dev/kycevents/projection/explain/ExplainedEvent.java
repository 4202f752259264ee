package dev.kycevents.projection.explain;

import dev.kycevents.event.RecordedEvent;

import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * One event as the explanation cites it.
 *
 * @param late   it was logged after an event of the same user that happened later than it did
 * @param reason why the projection ignored it; null when it was applied
 */
public record ExplainedEvent(long position, UUID eventId, String type, Instant occurredAt, Instant recordedAt,
                             boolean late, @Schema(nullable = true) String reason) {

    static ExplainedEvent of(RecordedEvent r, boolean late, String reason) {
        return new ExplainedEvent(r.position(), r.event().eventId(), r.event().type(), r.event().occurredAt(),
                r.recordedAt(), late, reason);
    }
}
