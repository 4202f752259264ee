package dev.kycevents.event;

import java.time.Instant;

/** An event as the store holds it: its place in the global log and when it was recorded. */
public record RecordedEvent(long position, Instant recordedAt, KycEvent event) {
}
