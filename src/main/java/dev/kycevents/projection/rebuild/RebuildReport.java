package dev.kycevents.projection.rebuild;

/**
 * What a rebuild did.
 *
 * @param eventsReplayed events folded into the new read models: those of the log up to the head, but retention
 *                       events and erased rows (which fold to nothing)
 * @param position       the log position they reflect (the head when they were swapped in)
 * @param sessionRows    rows of the new session_view
 * @param levelRows      rows of the new kyc_level_view
 * @param drift          rows of the old read models that differed from the rebuilt ones
 */
public record RebuildReport(long eventsReplayed, long position, long sessionRows, long levelRows, Drift drift,
                            long durationMs) {

    /** Keys whose row was missing, extra or different in the live table, per read model. */
    public record Drift(long sessions, long levels) {
    }
}
