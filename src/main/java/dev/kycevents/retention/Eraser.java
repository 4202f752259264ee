package dev.kycevents.retention;

import dev.kycevents.event.OwnEvents;
import dev.kycevents.event.EventTypes;
import dev.kycevents.event.UserErased;
import dev.kycevents.store.EventStore;
import dev.kycevents.store.NewEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.pgclient.PgException;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Erases a batch of users in one transaction: clears the bodies of their events through the database's erasure
 * path, removes their read models, and appends one {@code kyc_user_erased} per user. Appends wait only for the
 * steps that need the log-head lock (taken by the append): the append itself, the came-back check and the commit.
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

    // The read-model rows are changed before the log-head lock. An append of one of these users holds that lock
    // and may wait for those rows, while the batch waits for the lock: a deadlock. So the batch waits for locks
    // only briefly here (an append that waits for its rows waits no longer than this); past that it undoes these
    // changes to the savepoint, which frees their rows, then takes the lock with no limit and changes the rows
    // under it. SET LOCAL is undone with the savepoint too.
    //
    // From here on appends may be waiting for the batch, so it does no disk waits of its own that it can avoid: no
    // flushing of the pages it evicts (the session's backend_flush_after), and no waiting at COMMIT for the WAL to
    // reach the disk, which held the lock for another fsync on a busy disk. That is safe for the chain: the next
    // append's commit flushes the WAL up to its own record, this batch's included, so no append can outlive a batch
    // it follows; and the sweep flushes the WAL itself before it reports (RetentionSweep).
    private static final String BRIEFLY = "SET LOCAL backend_flush_after = 0; SET LOCAL synchronous_commit = off;"
            + " SAVEPOINT before_head_lock; SET LOCAL lock_timeout = '50ms'";
    private static final String UNDO = "ROLLBACK TO SAVEPOINT before_head_lock";
    private static final String LOCK_NOT_AVAILABLE = "55P03";

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

    private final EventStore store;
    private final RetentionViewTable retention;

    public Eraser(EventStore store, RetentionViewTable retention) {
        this.store = store;
        this.retention = retention;
    }

    /**
     * Erases each user's events up to their status's last position, in one transaction on the connection given (the
     * sweep's own, with its session settings); users who came back meanwhile are left.
     */
    public Uni<Outcome> erase(SqlConnection connection, List<RetentionStatus> users, RetentionPeriod period,
                             Instant now) {
        if (users.isEmpty()) {
            return Uni.createFrom().item(new Outcome(0, 0, Set.of()));
        }
        return inTransaction(connection, () -> eraseIn(connection, users, period, now))
                .onFailure(CameBack.class).recoverWithUni(failure -> {
                    Set<UUID> back = ((CameBack) failure).users;
                    List<RetentionStatus> rest = users.stream().filter(s -> !back.contains(s.view().userId())).toList();
                    return erase(connection, rest, period, now)
                            .map(o -> new Outcome(o.users(), o.events(), union(back, o.cameBack())));
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
            List<UserErased> erasures = new ArrayList<>(users.size());
            for (RetentionStatus user : users) {
                UUID id = user.view().userId();
                erasures.add(new UserErased(UUID.randomUUID(), id, now, UserErased.RULE_RETENTION_PERIOD,
                        period.text(), user.view().relationshipEndedAt(), erased.getOrDefault(id, 0L),
                        user.lastPosition()));
            }
            List<NewEvent> events = erasures.stream().map(Eraser::erasedEvent).toList();
            long count = erased.values().stream().mapToLong(Long::longValue).sum();
            return connection.query(BRIEFLY).execute()
                    .chain(() -> dropViews(connection, ids, erasures))
                    .chain(() -> store.append(connection, events))
                    .replaceWithVoid()
                    .onFailure(Eraser::lockNotAvailable).recoverWithUni(() -> connection.query(UNDO).execute()
                            .chain(() -> store.append(connection, events))
                            .chain(() -> dropViews(connection, ids, erasures)))
                    .chain(() -> cameBack(connection, ids, through))
                    .map(ignored -> new Outcome(users.size(), count, Set.of()));
        });
    }

    // BEGIN and COMMIT by hand: the client's own transactions roll back at the end once any statement failed,
    // even one undone by ROLLBACK TO SAVEPOINT.
    private static <T> Uni<T> inTransaction(SqlConnection connection, Supplier<Uni<T>> work) {
        return connection.query("BEGIN").execute()
                .chain(() -> work.get())
                .call(() -> connection.query("COMMIT").execute())
                .onFailure().call(() -> connection.query("ROLLBACK").execute().onFailure().recoverWithNull());
    }

    private Uni<Void> dropViews(SqlConnection connection, UUID[] ids, List<UserErased> erasures) {
        return connection.preparedQuery(DROP_SESSIONS).execute(Tuple.tuple().addArrayOfUUID(ids))
                .chain(() -> connection.preparedQuery(DROP_LEVELS).execute(Tuple.tuple().addArrayOfUUID(ids)))
                .chain(() -> retention.fold(connection, erasures));
    }

    private Uni<Void> cameBack(SqlConnection connection, UUID[] ids, Long[] through) {
        return connection.preparedQuery(CAME_BACK)
                .execute(Tuple.tuple().addArrayOfUUID(ids).addArrayOfLong(through).addString(EventTypes.USER_ERASED))
                .invoke(back -> {
                    if (back.size() > 0) {
                        Set<UUID> cameBack = new HashSet<>();
                        back.forEach(row -> cameBack.add(row.getUUID("user_id")));
                        throw new CameBack(cameBack);
                    }
                })
                .replaceWithVoid();
    }

    private static boolean lockNotAvailable(Throwable failure) {
        return failure instanceof PgException pg && LOCK_NOT_AVAILABLE.equals(pg.getSqlState());
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
