package dev.kycevents.projection.session;

import dev.kycevents.event.KycEvent;

import java.time.Instant;
import java.util.UUID;

/** An event the view ignored, kept so that compliance can see Ralio said something contradictory. */
public record Anomaly(UUID eventId, String eventType, Instant occurredAt, String reason) {

    public static Anomaly of(KycEvent event, String reason) {
        return new Anomaly(event.eventId(), event.type(), event.occurredAt(), reason);
    }
}
