package dev.kycevents.retention;

import java.time.Instant;

/**
 * Where a user stands with retention: their retention view plus what the rest of their events say. Pure: every
 * rule of the sweep and of {@code GET /users/{uid}/retention} is decided here.
 *
 * @param lastPosition   the position of the user's last event other than {@code kyc_user_erased} (0 if none)
 * @param lastActivityAt when the user's latest event other than a retention event happened (null if none)
 */
public record RetentionStatus(RetentionView view, long lastPosition, Instant lastActivityAt) {

    /**
     * The clock runs from the latest end of the relationship, until an event of the user that happened after
     * that end (the user came back): then it stops, and a new end restarts it.
     */
    public boolean clockRunning() {
        Instant ended = view.relationshipEndedAt();
        return ended != null && (lastActivityAt == null || !lastActivityAt.isAfter(ended));
    }

    /** When the period has passed; null while the clock does not run. */
    public Instant erasableFrom(RetentionPeriod period) {
        return clockRunning() ? period.after(view.relationshipEndedAt()) : null;
    }

    /** Some event of the user still has its body. */
    public boolean somethingToErase() {
        return lastPosition > view.erasedThrough();
    }

    /** The sweep's rule: the period has passed, no legal hold, and something is left to erase. */
    public boolean erasable(Instant now, RetentionPeriod period) {
        Instant from = erasableFrom(period);
        return from != null && !from.isAfter(now) && !view.legalHold() && somethingToErase();
    }

    /** Erased, with nothing since: the user's views, sessions and bodies are gone ({@code 410}). */
    public boolean gone() {
        return view.erasedAt() != null && !somethingToErase();
    }
}
