package dev.kycevents.event;

import java.time.Instant;

/**
 * The instants intake accepts, in UTC: years 1 to 9999. Each is written with a plain four-digit year (no sign, so
 * any ISO-8601 reader can read the feeds and exports back), fits PostgreSQL's timestamptz (4713 BC to 294276 AD),
 * and its microseconds since the epoch fit the long that the hash chain prints.
 */
public final class InstantRange {

    public static final Instant FIRST = Instant.parse("0001-01-01T00:00:00Z");
    public static final Instant LAST = Instant.parse("9999-12-31T23:59:59.999999Z");

    private InstantRange() {
    }

    public static boolean contains(Instant instant) {
        return !instant.isBefore(FIRST) && !instant.isAfter(LAST);
    }
}
