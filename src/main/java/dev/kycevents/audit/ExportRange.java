package dev.kycevents.audit;

import dev.kycevents.http.InvalidParameterException;
import dev.kycevents.http.Parameters;

/** The positions an export covers, both inclusive. */
public record ExportRange(long from, long to) {

    /** @param to null: up to the end of the log when the export starts */
    public record Requested(long from, Long to) {
    }

    public static Requested of(String from, String to) {
        long first = Parameters.nonNegative("from", from, 1);
        Long last = to == null || to.isEmpty() ? null : Parameters.nonNegative("to", to, 0);
        if (last != null && first > last) {
            throw new InvalidParameterException("from", "from must not be greater than to");
        }
        return new Requested(first, last);
    }

    public boolean isEmpty() {
        return from > to;
    }
}
