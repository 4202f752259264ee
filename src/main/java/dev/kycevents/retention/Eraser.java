package dev.kycevents.retention;

import dev.kycevents.event.OwnEvents;
import dev.kycevents.event.EventTypes;
import dev.kycevents.event.UserErased;
import dev.kycevents.store.EventStore;
import dev.kycevents.store.NewEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Erases a batch of users in one transaction: clears the bodies of their events through the database's erasure
 * path, appends one {@code kyc_user_erased} per user and removes their read models. The log-head lock is taken
 * only for the append, after the bodies are cleared, so appends wait for the last steps alone.
 */
@ApplicationScoped
public class Eraser {

    private static final String ERASE = "SELECT user_id, erased FROM erase_user_events($1::uuid[], $2::bigint[])";

    // Under the log-head lock: an event of a user committed after the sweep judged them (they came back, or a
    // hold was placed) means that user must not be erased now.
    private static final String CAME_BACK = """
            SELECT DISTINCT e.user_id FROM events e
            JOIN unnest($1::uuid[], $2::bigint[]) AS x(user_id, through) ON e.user_id = x.user_id
            WHERE e.position > x.through AND e.event_type <> $3""";

    private static final String DROP_SESSIONS = "DELETE FROM session_view WHERE user_id = ANY($1::uuid[])";
    private static final String DROP_LEVELS = "DELETE FROM kyc_level_view WHERE user_id = ANY($1::uuid[])";

    /** What one batch did. */
    public record Outcome(long users, long events, Set<UUID> cameBack) {
    }

    private static final class CameBack extends RuntimeException {
        final Set<UUID> users;

        CameBack(Set<UUID> users) {
            super(null, null, false, false);
            this.users = users;
        }
    }

    private final Pool pool;
    private final EventStore store;
    private final RetentionViewTable retention;

    public Eraser(Pool pool, EventStore store, RetentionViewTable retention) {
        this.pool = pool;
        this.store = store;
        this.retention = retention;
    }

    /** Erases each user's events up to their status's last position; users who came back meanwhile are left. */
    public Uni<Outcome> erase(List<RetentionStatus> users, RetentionPeriod period, Instant now) {
        if (users.isEmpty()) {
            return Uni.createFrom().item(new Outcome(0, 0, Set.of()));
        }
        return pool.withTransaction(connection -> eraseIn(connection, users, period, now))
                .onFailure(CameBack.class).recoverWithUni(failure -> {
                    Set<UUID> back = ((CameBack) failure).users;
                    List<RetentionStatus> rest = users.stream().filter(s -> !back.contains(s.view().userId())).toList();
                    return erase(rest, period, now).map(o -> new Outcome(o.users(), o.events(), union(back, o.cameBack())));
                });
    }

    private Uni<Outcome> eraseIn(SqlConnection connection, List<RetentionStatus> users, RetentionPeriod period,
                                 Instant now) {
        UUID[] ids = users.stream().map(s -> s.view().userId()).toArray(UUID[]::new);
        Long[] through = users.stream().map(RetentionStatus::lastPosition).toArray(Long[]::new);
        Tuple bounds = Tuple.tuple().addArrayOfUUID(ids).addArrayOfLong(through);
        return connection.preparedQuery(ERASE).execute(bounds).flatMap(rows -> {
            Map<UUID, Long> erased = new HashMap<>();
            for (Row row : rows) {
                erased.put(row.getUUID("user_id"), row.getLong("erased"));
            }
            List<NewEvent> events = new ArrayList<>(users.size());
            for (RetentionStatus user : users) {
                UUID id = user.view().userId();
                events.add(erasedEvent(new UserErased(UUID.randomUUID(), id, now, UserErased.RULE_RETENTION_PERIOD,
                        period.text(), user.view().relationshipEndedAt(), erased.getOrDefault(id, 0L),
                        user.lastPosition())));
            }
            return store.append(connection, events)
                    .call(appended -> connection.preparedQuery(CAME_BACK)
                            .execute(Tuple.tuple().addArrayOfUUID(ids).addArrayOfLong(through)
                                    .addString(EventTypes.USER_ERASED))
                            .invoke(back -> {
                                if (back.size() > 0) {
                                    Set<UUID> cameBack = new HashSet<>();
                                    back.forEach(row -> cameBack.add(row.getUUID("user_id")));
                                    throw new CameBack(cameBack);
                                }
                            }))
                    .call(() -> connection.preparedQuery(DROP_SESSIONS).execute(Tuple.tuple().addArrayOfUUID(ids)))
                    .call(() -> connection.preparedQuery(DROP_LEVELS).execute(Tuple.tuple().addArrayOfUUID(ids)))
                    .call(appended -> retention.project(connection, appended.plan().recorded()))
                    .map(appended -> new Outcome(users.size(), erased.values().stream().mapToLong(Long::longValue).sum(),
                            Set.of()));
        });
    }

    private static NewEvent erasedEvent(UserErased event) {
        return NewEvent.recordedHere(event, OwnEvents.json(event));
    }

    private static Set<UUID> union(Set<UUID> a, Set<UUID> b) {
        Set<UUID> all = new HashSet<>(a);
        all.addAll(b);
        return all;
    }
}
