package dev.kycevents.retention;

import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAmount;

/**
 * How long records are kept after the relationship ends: an ISO-8601 period ({@code P5Y}, counted in calendar years
 * and months, in UTC) or duration ({@code PT2S}, for tests).
 */
public record RetentionPeriod(String text, TemporalAmount amount) {

    public static RetentionPeriod parse(String text) {
        String value = text.trim();
        try {
            return new RetentionPeriod(value, value.contains("T") ? Duration.parse(value) : Period.parse(value));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("KYC_RETENTION_PERIOD (kyc.retention.period) must be an ISO-8601 "
                    + "period or duration such as P5Y or PT2S, not '" + text + "'");
        }
    }

    /** The instant the period ends when it starts at {@code start}. */
    public Instant after(Instant start) {
        return start.atOffset(ZoneOffset.UTC).plus(amount).toInstant();
    }

    /** The instant a period ending at {@code end} started. */
    public Instant before(Instant end) {
        return end.atOffset(ZoneOffset.UTC).minus(amount).toInstant();
    }

    @Override
    public String toString() {
        return text;
    }
}
