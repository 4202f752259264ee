package dev.kycevents.query;

import dev.kycevents.event.Check;
import dev.kycevents.projection.session.RefusalReason;
import dev.kycevents.projection.session.SessionState;
import dev.kycevents.projection.session.SessionView;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One verification session as the API shows it. */
public record SessionResponse(UUID sessionId, UUID userId, SessionState state, int stateCode, List<Check> checks,
                              List<RefusalReason> reasons, @Schema(nullable = true) String hostedUrl, @Schema(nullable = true) Instant expiresAt, Instant startedAt,
                              Instant updatedAt) {

    public static SessionResponse of(SessionView v) {
        return new SessionResponse(v.sessionId(), v.userId(), v.state(), v.state().code(), v.checks(), v.reasons(),
                v.hostedUrl(), v.expiresAt(), v.startedAt(), v.updatedAt());
    }
}
