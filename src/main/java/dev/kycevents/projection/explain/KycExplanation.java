package dev.kycevents.projection.explain;

import java.util.List;
import java.util.UUID;

/**
 * For compliance: which of a user's events decided their level and each session's state, and which were
 * ignored and why.
 *
 * @param sessions  in the order their first event happened
 * @param ignored   events of types this service does not know, in log order
 */
public record KycExplanation(UUID userId, LevelExplanation level, List<SessionExplanation> sessions,
                             List<ExplainedEvent> ignored) {

    public KycExplanation {
        sessions = List.copyOf(sessions);
        ignored = List.copyOf(ignored);
    }
}
