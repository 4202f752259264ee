package dev.kycevents.projection.explain;

import dev.kycevents.event.KycStateUpdated;
import dev.kycevents.event.RecordedEvent;
import dev.kycevents.event.SessionCreated;
import dev.kycevents.event.SessionEvent;
import dev.kycevents.event.Unrecognised;
import dev.kycevents.projection.History;
import dev.kycevents.projection.level.LevelFold;
import dev.kycevents.projection.level.LevelView;
import dev.kycevents.projection.session.SessionFold;
import dev.kycevents.projection.session.SessionView;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Explains a user's views by running the real folds one event at a time and watching what each step did,
 * so the rules stay in the folds and an explanation can never disagree with the views.
 */
public final class KycExplainer {

    private static final Comparator<RecordedEvent> IN_LOG_ORDER = Comparator.comparingLong(RecordedEvent::position);

    private KycExplainer() {
    }

    /** @param userEvents all of the user's events, of every type; others' events and duplicate ids are left out */
    public static KycExplanation explain(UUID userId, Collection<RecordedEvent> userEvents) {
        List<RecordedEvent> log = History.distinct(userEvents).stream()
                .filter(r -> r.event().userId().equals(userId))
                .sorted(IN_LOG_ORDER)
                .toList();
        Set<UUID> late = lateArrivals(log);
        List<ExplainedEvent> unknown = log.stream()
                .filter(r -> r.event() instanceof Unrecognised)
                .map(r -> explained(r, late, "unknown type " + r.event().type()))
                .toList();
        return new KycExplanation(userId, level(userId, log, late), sessions(userId, log, late), unknown);
    }

    /** Events logged after one that happened later than they did. */
    private static Set<UUID> lateArrivals(List<RecordedEvent> log) {
        Set<UUID> late = new HashSet<>();
        Instant latest = Instant.MIN;
        for (RecordedEvent r : log) {
            Instant at = r.event().occurredAt();
            if (at.isBefore(latest)) {
                late.add(r.event().eventId());
            } else {
                latest = at;
            }
        }
        return late;
    }

    // Replays the level fold in log order, as the live projector applied it: an update that does not take
    // effect on arrival lost to the one in effect; one that did and was later replaced was superseded.
    private static LevelExplanation level(UUID userId, List<RecordedEvent> log, Set<UUID> late) {
        LevelView view = LevelFold.initial(userId);
        Map<Long, RecordedEvent> updates = new HashMap<>();
        List<ExplainedEvent> ignored = new ArrayList<>();
        for (RecordedEvent r : log) {
            LevelView before = view;
            view = LevelFold.evolve(view, r);
            if (!(r.event() instanceof KycStateUpdated)) {
                continue;
            }
            updates.put(r.position(), r);
            if (view.levelPosition() != r.position()) {
                UUID inEffect = updates.get(before.levelPosition()).event().eventId();
                ignored.add(explained(r, late,
                        "late arrival: the later update " + inEffect + " was already in effect"));
            } else if (before.levelPosition() != 0) {
                ignored.add(explained(updates.get(before.levelPosition()), late,
                        "superseded by a later update " + r.event().eventId()));
            }
        }
        ignored.sort(Comparator.comparingLong(ExplainedEvent::position));
        if (view.levelPosition() == 0) {
            return new LevelExplanation(view.level(), "default", null, ignored);
        }
        return new LevelExplanation(view.level(), "latest kyc_state_updated",
                explained(updates.get(view.levelPosition()), late, null), ignored);
    }

    private static List<SessionExplanation> sessions(UUID userId, List<RecordedEvent> log, Set<UUID> late) {
        Map<UUID, List<RecordedEvent>> bySession = new LinkedHashMap<>();
        for (RecordedEvent r : History.inTimeOrder(log)) {
            if (r.event() instanceof SessionEvent e) {
                bySession.computeIfAbsent(e.session(), s -> new ArrayList<>()).add(r);
            }
        }
        List<SessionExplanation> sessions = new ArrayList<>();
        bySession.forEach((session, events) -> sessions.add(session(session, userId, events, late)));
        return sessions;
    }

    // The same steps as SessionFold.fold, in the same time order, one at a time.
    private static SessionExplanation session(UUID sessionId, UUID userId, List<RecordedEvent> inTimeOrder,
                                              Set<UUID> late) {
        SessionView view = SessionFold.initial(sessionId, userId);
        List<ExplainedEvent> applied = new ArrayList<>();
        List<ExplainedEvent> ignored = new ArrayList<>();
        for (RecordedEvent r : inTimeOrder) {
            SessionView next = SessionFold.evolve(view, r.event());
            String reason = ignoredBecause(view, next, r);
            if (reason == null) {
                applied.add(explained(r, late, null));
            } else {
                ignored.add(explained(r, late, reason));
            }
            view = next;
        }
        return new SessionExplanation(sessionId, view.state(), applied, ignored);
    }

    // The fold keeps a contradiction of a terminal state as an anomaly with its reason; the same terminal
    // outcome again is only counted, so it changed nothing either.
    private static String ignoredBecause(SessionView before, SessionView after, RecordedEvent r) {
        if (after.anomalies().size() > before.anomalies().size()) {
            return after.anomalies().get(after.anomalies().size() - 1).reason();
        }
        if (before.state().terminal() && !(r.event() instanceof SessionCreated)) {
            return "repeats terminal state " + before.state();
        }
        return null;
    }

    private static ExplainedEvent explained(RecordedEvent r, Set<UUID> late, String reason) {
        return ExplainedEvent.of(r, late.contains(r.event().eventId()), reason);
    }
}
