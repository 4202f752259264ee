package dev.kycevents.query;

import dev.kycevents.projection.UserViews;
import dev.kycevents.projection.level.LevelView;
import dev.kycevents.projection.session.SessionView;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;

/** A user's read models together: the level row and the sessions, most recently started first. */
public record UserKyc(LevelView level, List<SessionView> sessions) {

    /** A user's views folded from their events, sessions sorted as the read models serve them. */
    public static UserKyc folded(UserViews views) {
        return new UserKyc(views.level(), views.sessions().stream().sorted(SessionView.NEWEST_FIRST).toList());
    }

    public SessionView currentSession() {
        return SessionView.current(sessions).orElse(null);
    }

    public String etag(Instant now) {
        SessionView current = currentSession();
        return current == null ? KycETag.of(level.version(), null, null, now)
                : KycETag.of(level.version(), current.state(), current.expiresAt(), now);
    }

    public KycResponse toResponse(Instant now) {
        SessionView current = currentSession();
        return new KycResponse(level.userId(), level.level(), level.level().code(), level.accountCreationAllowed(),
                NextAction.of(level.level(), current, now), current == null ? null : SessionResponse.of(current),
                sessions.stream().map(SessionResponse::of).collect(Collectors.toList()), level.version());
    }
}
