package dev.kycevents.projection.rebuild;

import dev.kycevents.projection.level.LevelViewTable;
import dev.kycevents.projection.session.SessionViewTable;
import dev.kycevents.store.EventReader;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

/**
 * Rebuilds every read model from the events, in one transaction, while the live tables keep
 * answering queries and taking appends:
 * <ol>
 * <li>create empty copies of the read-model tables;</li>
 * <li>replay every event up to the current head into them, one user at a time;</li>
 * <li>take the log-head lock (appends wait from here), re-fold the users of any event appended
 *     meanwhile, and count how many live rows differ from the rebuilt ones (drift);</li>
 * <li>rename the copies into place, drop the old tables, commit.</li>
 * </ol>
 * Readers never see a half-built table: until commit they read the old ones.
 */
@ApplicationScoped
public class ProjectionRebuild {

    private static final Logger LOG = Logger.getLogger(ProjectionRebuild.class);

    private final Pool pool;
    private final RebuildTables tables;
    private final EventReplay replay;

    public ProjectionRebuild(Pool pool, RebuildTables tables, EventReplay replay) {
        this.pool = pool;
        this.tables = tables;
        this.replay = replay;
    }

    public Uni<RebuildReport> rebuild() {
        long started = System.nanoTime();
        return pool.withTransaction(connection -> tables.tryLock(connection)
                        .chain(locked -> locked ? tables.createCopies(connection)
                                : Uni.createFrom().failure(new RebuildRunningException()))
                        .chain(() -> tables.lastPosition(connection))
                        .chain(upTo -> pool.withTransaction(reader ->
                                        replay.replay(reader, connection, EventReader.REPLAY_UP_TO, Tuple.of(upTo)))
                                .call(() -> tables.analyzeCopies(connection))
                                .chain(replayed -> swapIn(connection, upTo, replayed, started))))
                .invoke(report -> LOG.infof("projection rebuild: %d events up to position %d, %d session and %d "
                                + "level rows, drift sessions=%d levels=%d, %d ms", report.eventsReplayed(),
                        report.position(), report.sessionRows(), report.levelRows(), report.drift().sessions(),
                        report.drift().levels(), report.durationMs()));
    }

    private static long millisSince(long nanos) {
        return (System.nanoTime() - nanos) / 1_000_000;
    }

    // Under the log-head lock until commit: the copies catch up, are compared, and replace the live tables.
    private Uni<RebuildReport> swapIn(SqlConnection connection, long replayedUpTo, long replayed, long started) {
        return tables.lockHead(connection).chain(head -> lockedFrom(System.nanoTime(), connection, replayedUpTo, head,
                replayed, started));
    }

    private Uni<RebuildReport> lockedFrom(long locked, SqlConnection connection, long replayedUpTo, long head,
                                          long replayed, long started) {
        return catchUp(connection, replayedUpTo, head)
                .chain(caughtUp -> drift(connection).chain(drift ->
                        replaceLiveTables(connection, replayed + caughtUp, head, drift, started)))
                .invoke(() -> LOG.infof("projection rebuild: appends waited %d ms for the catch-up (%d events "
                        + "appended meanwhile), the drift and the swap", millisSince(locked), head - replayedUpTo));
    }

    private Uni<RebuildReport> replaceLiveTables(SqlConnection connection, long eventsReplayed, long head,
                                                 RebuildReport.Drift drift, long started) {
        return tables.rows(connection, RebuildTables.copyOf(SessionViewTable.TABLE)).chain(sessionRows ->
                tables.rows(connection, RebuildTables.copyOf(LevelViewTable.TABLE))
                        .call(() -> tables.swap(connection))
                        .map(levelRows -> new RebuildReport(eventsReplayed, head, sessionRows, levelRows, drift,
                                millisSince(started))));
    }

    private Uni<RebuildReport.Drift> drift(SqlConnection connection) {
        return tables.drift(connection, SessionViewTable.TABLE).chain(sessions ->
                tables.drift(connection, LevelViewTable.TABLE).map(levels -> new RebuildReport.Drift(sessions, levels)));
    }

    // Users with events appended during the replay (a webhook, or an erasure) are folded again from their whole
    // history, into rows cleared first. Emits how many foldable events were appended during the replay.
    private Uni<Long> catchUp(SqlConnection connection, long replayedUpTo, long head) {
        if (head == replayedUpTo) {
            return Uni.createFrom().item(0L);
        }
        return tables.forgetUsersAppendedAfter(connection, replayedUpTo)
                .chain(() -> replay.replay(connection, connection, EventReader.REPLAY_USERS_APPENDED_AFTER,
                        Tuple.of(replayedUpTo)))
                .chain(() -> tables.foldableAfter(connection, replayedUpTo));
    }
}
