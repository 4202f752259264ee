package dev.kycevents.projection;

import dev.kycevents.event.RecordedEvent;
import dev.kycevents.event.SessionEvent;
import dev.kycevents.projection.level.LevelFold;
import dev.kycevents.projection.level.LevelView;
import dev.kycevents.projection.session.SessionFold;
import dev.kycevents.projection.session.SessionView;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Every read-model row of one user, folded from the user's whole history at once: what the live
 * projector keeps up to date event by event, computed from scratch (for rebuilds and past views).
 *
 * @param level    the user's level row (a user with no events still gets the initial view)
 * @param sessions one view per session that has at least one session event, in first-seen order
 */
public record UserViews(LevelView level, List<SessionView> sessions) {

    public UserViews {
        sessions = List.copyOf(sessions);
    }

    /** @param events the user's events, any order; the folds sort and deduplicate them */
    public static UserViews fold(UUID userId, List<RecordedEvent> events) {
        Map<UUID, List<RecordedEvent>> bySession = new LinkedHashMap<>();
        for (RecordedEvent recorded : events) {
            // Only the types the session fold knows make a session row, as in the live projector.
            if (recorded.event() instanceof SessionEvent e) {
                bySession.computeIfAbsent(e.session(), s -> new ArrayList<>()).add(recorded);
            }
        }
        List<SessionView> sessions = new ArrayList<>(bySession.size());
        bySession.forEach((session, history) -> sessions.add(SessionFold.fold(session, userId, history)));
        return new UserViews(LevelFold.fold(userId, events), sessions);
    }
}
