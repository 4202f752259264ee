package dev.kycevents.projection.explain;

import dev.kycevents.projection.session.SessionState;

import java.util.List;
import java.util.UUID;

/**
 * Why a session is in its state.
 *
 * @param applied the events that shaped the view, in the order the fold applies them (time order)
 * @param ignored the events it ignored, in that same order, each with its reason
 */
public record SessionExplanation(UUID sessionId, SessionState state, List<ExplainedEvent> applied,
                                 List<ExplainedEvent> ignored) {

    public SessionExplanation {
        applied = List.copyOf(applied);
        ignored = List.copyOf(ignored);
    }
}
