package dev.kycevents.audit;

import dev.kycevents.http.InvalidParameterException;
import dev.kycevents.http.Parameters;

/**
 * The positions {@code GET /audit/verify} walks, both inclusive.
 *
 * @param to null: to the end of the log, where the last row is also compared with {@code event_log_head}
 */
public record ChainRange(long from, Long to) {

    public ChainRange {
        if (from < 1 || to != null && to < from) {
            throw new IllegalArgumentException("not a range of positions: " + from + ".." + to);
        }
    }

    /** The query parameters as given; absent or empty means unbounded on that side. */
    public static ChainRange parse(String from, String to) {
        long first = Parameters.position("from", from, 1);
        Long last = to == null || to.isEmpty() ? null : Parameters.position("to", to, 1);
        if (last != null && first > last) {
            throw new InvalidParameterException("from", "from must not be greater than to");
        }
        return new ChainRange(first, last);
    }

    /** The row whose hash the first row of the range must link to; 0 stands for the genesis hash. */
    public long anchor() {
        return from - 1;
    }

}
