package dev.kycevents.projection;

import dev.kycevents.event.RecordedEvent;
import dev.kycevents.event.RetentionEvent;
import dev.kycevents.metrics.KycMetrics;
import dev.kycevents.event.SessionEvent;
import dev.kycevents.projection.level.LevelFold;
import dev.kycevents.projection.level.LevelView;
import dev.kycevents.projection.level.LevelViewTable;
import dev.kycevents.projection.session.SessionFold;
import dev.kycevents.projection.session.SessionView;
import dev.kycevents.projection.session.SessionViewTable;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Brings the read models up to date with newly appended events, on the append's own connection
 * and transaction: when the append commits, the views already show it.
 */
@ApplicationScoped
public class Projector {

    private final SessionViewTable sessions;
    private final LevelViewTable levels;
    private final KycMetrics metrics;

    public Projector(SessionViewTable sessions, LevelViewTable levels, KycMetrics metrics) {
        this.sessions = sessions;
        this.levels = levels;
        this.metrics = metrics;
    }

    /**
     * @param appended          the events just appended, in position order
     * @param priorSessionEvents the earlier events of the sessions they touch
     */
    public Uni<Void> project(SqlConnection connection, List<RecordedEvent> appended,
                             List<RecordedEvent> priorSessionEvents) {
        // Retention events are not about the user's KYC: they have their own view (retention_view).
        List<RecordedEvent> kyc = appended.stream().filter(r -> !(r.event() instanceof RetentionEvent)).toList();
        if (kyc.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return projectSessions(connection, kyc, priorSessionEvents)
                .call(() -> projectLevels(connection, kyc));
    }

    // A session has a handful of events: re-fold them all (appended ones included, same transaction)
    // rather than patch the row, so the view stays a pure function of the set of events.
    private Uni<Void> projectSessions(SqlConnection connection, List<RecordedEvent> appended,
                                      List<RecordedEvent> priorSessionEvents) {
        Map<UUID, List<RecordedEvent>> bySession = new LinkedHashMap<>();
        for (RecordedEvent recorded : appended) {
            if (recorded.event() instanceof SessionEvent e) {
                bySession.computeIfAbsent(e.session(), s -> new ArrayList<>()).add(recorded);
            }
        }
        if (bySession.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        for (RecordedEvent prior : priorSessionEvents) {
            List<RecordedEvent> history = bySession.get(((SessionEvent) prior.event()).session());
            if (history != null) { // sessions whose new events were all duplicates need no refold
                history.add(prior);
            }
        }
        List<SessionView> views = new ArrayList<>(bySession.size());
        bySession.forEach((session, history) ->
                views.add(SessionFold.fold(session, history.get(0).event().userId(), history)));
        Set<UUID> appendedIds = appended.stream().map(r -> r.event().eventId()).collect(Collectors.toSet());
        metrics.anomalies((int) views.stream().flatMap(v -> v.anomalies().stream())
                .filter(a -> appendedIds.contains(a.eventId())).count());
        return sessions.upsert(connection, views);
    }

    // The level view is order-independent by construction (latest occurredAt wins), so it is
    // evolved from the stored row instead of re-reading the user's whole history.
    private Uni<Void> projectLevels(SqlConnection connection, List<RecordedEvent> appended) {
        Set<UUID> users = appended.stream().map(r -> r.event().userId())
                .collect(Collectors.toCollection(LinkedHashSet::new));
        return levels.find(connection, users).flatMap(stored -> {
            Map<UUID, LevelView> views = new LinkedHashMap<>();
            for (RecordedEvent recorded : appended) {
                UUID user = recorded.event().userId();
                LevelView current = views.computeIfAbsent(user,
                        u -> stored.getOrDefault(u, LevelFold.initial(u)));
                views.put(user, LevelFold.evolve(current, recorded));
            }
            return levels.upsert(connection, new ArrayList<>(views.values()));
        });
    }
}
