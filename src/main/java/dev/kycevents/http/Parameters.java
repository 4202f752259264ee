package dev.kycevents.http;

import dev.kycevents.event.InstantRange;
import java.time.Instant;
import java.util.regex.Pattern;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/**
 * Query parameters read by hand, so a bad value is a 400 problem naming the parameter (JAX-RS
 * would answer 404 for a number that does not parse).
 */
public final class Parameters {

    private Parameters() {
    }

    public static long nonNegative(String name, String text, long absent) {
        if (text == null || text.isEmpty()) {
            return absent;
        }
        long value = parseLong(name, text);
        if (value < 0) {
            throw new InvalidParameterException(name, name + " must not be negative");
        }
        return value;
    }

    /** A log position (a whole number from 1). */
    public static long position(String name, String text, long absent) {
        if (text == null || text.isEmpty()) {
            return absent;
        }
        long value = parseLong(name, text);
        if (value < 1) {
            throw new InvalidParameterException(name, name + " must be a position: a whole number from 1");
        }
        return value;
    }

    public static int between(String name, String text, int absent, int min, int max) {
        if (text == null || text.isEmpty()) {
            return absent;
        }
        long value = parseLong(name, text);
        if (value < min || value > max) {
            throw new InvalidParameterException(name, name + " must be between " + min + " and " + max);
        }
        return (int) value;
    }

    /**
     * An ISO-8601 instant with a zone offset, e.g. {@code 2025-06-19T17:14:13Z} or {@code ...+02:00}, within the
     * years the store holds ({@link InstantRange}): beyond them the database would refuse it on every retry.
     */
    public static Instant instant(String name, String text) {
        Instant instant;
        try {
            instant = OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException | NullPointerException e) {
            throw new InvalidParameterException(name,
                    name + " must be an ISO-8601 instant with an offset, e.g. 2025-06-19T17:14:13Z");
        }
        if (!InstantRange.contains(instant)) {
            throw new InvalidParameterException(name, name + " must be between " + InstantRange.FIRST + " and "
                    + InstantRange.LAST);
        }
        return instant;
    }

    // Digits only: Long.parseLong alone would also take "+3".
    private static final Pattern INTEGER = Pattern.compile("-?[0-9]{1,19}");

    private static long parseLong(String name, String text) {
        try {
            if (INTEGER.matcher(text).matches()) {
                return Long.parseLong(text);
            }
        } catch (NumberFormatException tooLarge) {
            // falls through to the same answer as any other non-integer
        }
        throw new InvalidParameterException(name, name + " must be an integer");
    }
}
