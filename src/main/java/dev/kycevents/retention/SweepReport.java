package dev.kycevents.retention;

import java.time.Instant;

/**
 * What one sweep did.
 *
 * @param usersErased  users whose events were erased
 * @param eventsErased events whose body and payload were cleared
 * @param usersSkipped users found erasable who had a new event (or a hold) before their erasure committed
 * @param period       the retention period applied
 */
public record SweepReport(Instant startedAt, Instant finishedAt, long usersErased, long eventsErased,
                          long usersSkipped, String period) {
}
