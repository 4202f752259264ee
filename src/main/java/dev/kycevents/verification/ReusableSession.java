package dev.kycevents.verification;

import dev.kycevents.projection.session.SessionView;
import dev.kycevents.query.NextAction;
import java.time.Instant;
import java.util.Collection;
import java.util.Optional;

/**
 * Whether a start request should get the user's existing session instead of a new one. It looks at the
 * current session only, as {@link NextAction} does, so a new session is created exactly when the view
 * says START_VERIFICATION or CREATE_NEW_SESSION.
 */
public final class ReusableSession {

    private ReusableSession() {
    }

    public static Optional<SessionView> among(Collection<SessionView> sessions, Instant now) {
        return NextAction.currentSession(sessions).filter(current -> canStillComplete(current, now));
    }

    static boolean canStillComplete(SessionView session, Instant now) {
        return switch (session.state()) {
            case NOT_STARTED, STARTED -> !session.expiredAt(now);
            // The user has done their part; the 7-day page expiry no longer applies while compliance decides.
            case REVIEW -> true;
            case VERIFIED, REJECTED, EXPIRED -> false;
        };
    }
}
