package dev.kycevents.store;

import java.time.Instant;

/** The end of the log as locked by a writer: the next event goes at {@code lastPosition + 1}. */
public record LogHead(long lastPosition, byte[] lastHash, Instant now) {
}
