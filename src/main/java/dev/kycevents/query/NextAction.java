package dev.kycevents.query;

import dev.kycevents.event.KycLevel;
import dev.kycevents.projection.session.SessionView;

import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.Optional;

/** What the frontend should offer the user next. */
public enum NextAction {
    CREATE_ACCOUNT,
    START_VERIFICATION,
    COMPLETE_VERIFICATION,
    WAIT_FOR_REVIEW,
    WAIT_FOR_LEVEL_UPDATE,
    CREATE_NEW_SESSION;

    /**
     * Most recently started first. Ties go to the greater session id compared as text, which is also
     * PostgreSQL's uuid order, so {@code ORDER BY started_at DESC, session_id DESC} agrees with it.
     * Sessions with no event yet have no start and come last.
     */
    public static final Comparator<SessionView> NEWEST_FIRST = Comparator
            .comparing(SessionView::startedAt, Comparator.nullsFirst(Comparator.<Instant>naturalOrder()))
            .thenComparing(s -> s.sessionId().toString())
            .reversed();

    /** @param current the user's current session, or null if they have none */
    public static NextAction of(KycLevel level, SessionView current, Instant now) {
        return switch (level) {
            case REGULAR -> CREATE_ACCOUNT;
            case LIGHT -> current == null ? START_VERIFICATION : forSession(current, now);
        };
    }

    /** The current session is the most recently started one. */
    public static Optional<SessionView> currentSession(Collection<SessionView> sessions) {
        return sessions.stream().min(NEWEST_FIRST);
    }

    private static NextAction forSession(SessionView session, Instant now) {
        return switch (session.state()) {
            // Ralio may not have sent kyc_session_expired yet; the hosted page is dead all the same.
            case NOT_STARTED, STARTED -> session.expiredAt(now) ? CREATE_NEW_SESSION : COMPLETE_VERIFICATION;
            case REVIEW -> WAIT_FOR_REVIEW;
            // Verified is not enough: only Ralio's kyc_state_updated to REGULAR unlocks the account.
            case VERIFIED -> WAIT_FOR_LEVEL_UPDATE;
            case REJECTED, EXPIRED -> CREATE_NEW_SESSION;
        };
    }
}
