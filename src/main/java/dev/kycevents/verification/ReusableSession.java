package dev.kycevents.verification;

import dev.kycevents.projection.session.SessionView;
import java.time.Instant;
import java.util.Collection;
import java.util.Optional;

/**
 * Whether a start request should get the user's existing session instead of a new one. It looks at the
 * current session only, as the view's next action does, so a new session is created exactly when the view
 * says START_VERIFICATION or CREATE_NEW_SESSION.
 */
public final class ReusableSession {

    private ReusableSession() {
    }

    public static Optional<SessionView> among(Collection<SessionView> sessions, Instant now) {
        return SessionView.current(sessions).filter(current -> canStillComplete(current, now));
    }

    static boolean canStillComplete(SessionView session, Instant now) {
        // REVIEW is neither terminal nor open: the user has done their part, and the page's expiry no
        // longer applies while compliance decides.
        return !session.state().terminal() && !session.expiredWhileOpen(now);
    }
}
