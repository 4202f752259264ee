package dev.kycevents.store;

import java.time.Instant;

/**
 * The end of the log as locked by a writer: the next event goes at {@code lastPosition + 1}.
 *
 * @param recordedAt the database's time when the head was locked: every event of this append records it
 */
public record LogHead(long lastPosition, byte[] lastHash, Instant recordedAt) {
}
