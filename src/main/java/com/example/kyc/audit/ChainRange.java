package com.example.kyc.audit;

import java.util.regex.Pattern;

/**
 * The positions {@code GET /audit/verify} walks, both inclusive.
 *
 * @param to null: to the end of the log, where the last row is also compared with {@code event_log_head}
 */
public record ChainRange(long from, Long to) {

    // Digits only (no sign, no spaces) and short enough to fit a long.
    private static final Pattern POSITION = Pattern.compile("[0-9]{1,18}");

    public ChainRange {
        if (from < 1 || to != null && to < from) {
            throw new IllegalArgumentException("not a range of positions: " + from + ".." + to);
        }
    }

    /** The query parameters as given; absent or empty means unbounded on that side. */
    public static ChainRange parse(String from, String to) {
        long first = isAbsent(from) ? 1 : position("from", from);
        Long last = isAbsent(to) ? null : position("to", to);
        if (last != null && first > last) {
            throw new InvalidChainRange("from", "from must not be greater than to");
        }
        return new ChainRange(first, last);
    }

    /** The row whose hash the first row of the range must link to; 0 stands for the genesis hash. */
    public long anchor() {
        return from - 1;
    }

    private static boolean isAbsent(String text) {
        return text == null || text.isEmpty();
    }

    private static long position(String name, String text) {
        if (!POSITION.matcher(text).matches() || Long.parseLong(text) < 1) {
            throw new InvalidChainRange(name, name + " must be a position: a whole number from 1");
        }
        return Long.parseLong(text);
    }
}
