package dev.kycevents.projection.session;

import dev.kycevents.event.KycEvent;
import dev.kycevents.event.RecordedEvent;
import dev.kycevents.event.SessionCreated;
import dev.kycevents.event.SessionExpired;
import dev.kycevents.event.SessionFailed;
import dev.kycevents.event.SessionSentToReview;
import dev.kycevents.event.SessionVerified;
import dev.kycevents.projection.History;

import java.util.Collection;
import java.util.List;
import java.util.UUID;

import static dev.kycevents.projection.session.SessionState.EXPIRED;
import static dev.kycevents.projection.session.SessionState.NOT_STARTED;
import static dev.kycevents.projection.session.SessionState.REJECTED;
import static dev.kycevents.projection.session.SessionState.REVIEW;
import static dev.kycevents.projection.session.SessionState.VERIFIED;

/** Folds a session's events into its view; the view is a pure function of the set of events. */
public final class SessionFold {

    private SessionFold() {
    }

    public static SessionView initial(UUID sessionId, UUID userId) {
        return new SessionView(sessionId, userId, NOT_STARTED, List.of(), List.of(), null, null, null, null, List.of(), 0);
    }

    /** Applies one event; events must come in time order, which {@link #fold} guarantees. */
    public static SessionView evolve(SessionView v, KycEvent e) {
        if (!v.sessionId().equals(e.sessionId().orElse(null))) return v; // another session's, or no session at all
        if (e instanceof SessionCreated x)      return v.withDetails(x);
        if (e instanceof SessionVerified x)     return v.moveTo(VERIFIED, x);
        if (e instanceof SessionSentToReview x) return v.moveTo(REVIEW, x);
        if (e instanceof SessionFailed x)       return v.moveTo(REJECTED, x);
        if (e instanceof SessionExpired x)      return v.moveTo(EXPIRED, x);
        return v; // KycStateUpdated, Unrecognised: not this view's concern
    }

    /**
     * Re-folds the whole history. Sorting by time means arrival order, duplicates and replays give the same
     * view, and a late older event lands at its place in time instead of overwriting a newer outcome.
     */
    public static SessionView fold(UUID sessionId, UUID userId, Collection<RecordedEvent> events) {
        SessionView view = initial(sessionId, userId);
        for (RecordedEvent r : History.inTimeOrder(events)) {
            view = evolve(view, r.event());
        }
        return view;
    }
}
