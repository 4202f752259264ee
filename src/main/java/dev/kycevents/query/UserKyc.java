package dev.kycevents.query;

import dev.kycevents.projection.UserViews;
import dev.kycevents.projection.level.LevelView;
import dev.kycevents.projection.session.SessionState;
import dev.kycevents.projection.session.SessionView;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;

/** A user's read models together: the level row and the sessions, most recently started first. */
public record UserKyc(LevelView level, List<SessionView> sessions) {

    /** A user's views folded from their events, sessions sorted as the read models serve them. */
    public static UserKyc folded(UserViews views) {
        return new UserKyc(views.level(), views.sessions().stream().sorted(NextAction.NEWEST_FIRST).toList());
    }

    public SessionView currentSession() {
        return NextAction.currentSession(sessions).orElse(null);
    }

    public String etag(Instant now) {
        return KycETag.of(level.version(), openSessionExpired(currentSession(), now));
    }

    public KycResponse toResponse(Instant now) {
        SessionView current = currentSession();
        return new KycResponse(level.userId(), level.level(), level.level().code(), level.accountCreationAllowed(),
                NextAction.of(level.level(), current, now), current == null ? null : SessionResponse.of(current),
                sessions.stream().map(SessionResponse::of).collect(Collectors.toList()), level.version());
    }

    static boolean openSessionExpired(SessionView current, Instant now) {
        return current != null && openSessionExpired(current.state(), current.expiresAt(), now);
    }

    /** A session still NOT_STARTED or STARTED whose hosted page has expired, event or not. */
    static boolean openSessionExpired(SessionState state, Instant expiresAt, Instant now) {
        return (state == SessionState.NOT_STARTED || state == SessionState.STARTED)
                && SessionView.expired(expiresAt, now);
    }
}
