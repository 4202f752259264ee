package dev.kycevents.audit;

import dev.kycevents.http.Parameters;

/**
 * A page of the log by position: the events after {@code after}, at most {@code limit} of them.
 * Positions are gap-free and become visible in order, so "after the last one I saw" never skips one.
 */
public record PageRequest(long after, int limit) {

    public static final int DEFAULT_LIMIT = 100;
    public static final int MAX_LIMIT = 1000;

    public static PageRequest of(String after, String limit) {
        return new PageRequest(Parameters.nonNegative("after", after, 0),
                Parameters.between("limit", limit, DEFAULT_LIMIT, 1, MAX_LIMIT));
    }
}
