package dev.kycevents.retention;

import dev.kycevents.event.EventTypes;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * Erases every user whose retention period has passed and who is not on hold. One sweep at a time across every
 * instance (a session-level advisory lock, held on its own connection for the sweep); users are read in pages by
 * id, put in {@link ErasureOrder} and erased in small transactions; afterwards VACUUM frees the old row versions
 * holding the erased bodies.
 */
@ApplicationScoped
public class RetentionSweep {

    private static final Logger LOG = Logger.getLogger(RetentionSweep.class);

    /** The advisory lock key: "KYCRETN" in ASCII, unlikely to be used by anything else in the database. */
    static final long LOCK_KEY = 0x4b59435245544eL;

    // Users read at once and put in ErasureOrder: the more, the more of each page a batch's rows share. A user
    // id and a position each: about 50 bytes.
    private static final int PAGE_USERS = 100_000;

    // Users whose relationship ended before the cutoff, not on hold, with something left to erase, in id order,
    // with the position of their first event. Cheap (two index probes a user): what decides the erasure, a
    // user's last event and latest activity, is read per batch (STATUSES), so that reading it does not come as
    // one burst of half a million row reads at the start of each page, while webhooks wait for the CPU.
    private static final String CANDIDATES = """
            SELECT r.user_id, (SELECT min(f.position) FROM events f WHERE f.user_id = r.user_id) AS first_position
            FROM retention_view r
            WHERE r.relationship_ended_at <= $1 AND NOT r.legal_hold AND r.user_id > $2
              AND (r.erased_at IS NULL OR EXISTS (SELECT 1 FROM events e WHERE e.user_id = r.user_id
                       AND e.position > r.erased_through AND e.event_type <> '%s'))
            ORDER BY r.user_id LIMIT $3""".formatted(EventTypes.USER_ERASED);

    private static final String STATUSES = """
            SELECT r.user_id, r.relationship_ended_at, r.legal_hold, r.erased_at, r.erased_through,
                   a.last_position, a.last_activity_at
            FROM retention_view r
            CROSS JOIN LATERAL (%s) a
            WHERE r.user_id = ANY($1)""".formatted(
            RetentionViewTable.ACTIVITY.formatted(EventTypes.USER_ERASED, 2, "r.user_id"));

    // The batches commit without waiting for their WAL to reach the disk (Eraser). A transaction with an id of its own
    // commits with a record of its own and waits for the WAL up to it, the batches' included: after this, the erasures
    // the report counts are durable.
    private static final String FLUSHED = "BEGIN; SELECT pg_current_xact_id(); COMMIT";

    // Outside any transaction (VACUUM refuses to run in one); the toast tables go with their tables.
    private static final String VACUUM = "VACUUM events, session_view, kyc_level_view";

    // For the sweep's own connection, which does all of its work (candidates, each batch's statuses and erasure,
    // VACUUM); reset before it goes back to the pool. No JIT: compiling the candidates query (estimated far above
    // jit_above_cost) took 0.18 s of CPU each time, and the query ran 0.68 s with it, 0.43 s without. Writes flushed
    // as made: the sweep rewrites pages all over events, more than shared buffers hold, so this backend writes most
    // of them out itself; by default the kernel keeps such writes for up to 30 s and then writes them in a burst,
    // during which every commit's WAL flush waits (webhooks stalled up to half a second, 30 s into a sweep).
    // Asking for them to go out per 256 kB spreads them over the sweep.
    private static final String SWEEP_SESSION = "SET jit = off; SET backend_flush_after = '256kB'";
    // Undoes every setting the sweep made. Unlike RESET wal_compression it needs no right to any parameter, so it
    // works whether or not the sweep could compress its WAL.
    private static final String RESET_SESSION = "RESET ALL";

    // Most of the sweep's WAL is full-page images (each page it rewrites, once after every checkpoint). Compressed,
    // the benchmark's sweep wrote about half the WAL and forced two checkpoints instead of four: less for every commit
    // to flush behind, for replicas and for the archive. lz4 where the server has it, else pglz, which every server
    // has. Only a superuser, or a role granted it (GRANT SET ON PARAMETER wal_compression TO ..., PostgreSQL 15 on),
    // may change the setting: without the right the sweep runs with the server's.
    private static final String COMPRESS_WAL = """
            SELECT set_config('wal_compression', CASE WHEN 'lz4' = ANY(enumvals) THEN 'lz4' ELSE 'pglz' END, false)
            FROM pg_settings WHERE name = 'wal_compression'""";

    private final Pool pool;
    private final Eraser eraser;
    private final RetentionSettings settings;
    private final Clock clock;

    public RetentionSweep(Pool pool, Eraser eraser, RetentionSettings settings, Clock clock) {
        this.pool = pool;
        this.eraser = eraser;
        this.settings = settings;
        this.clock = clock;
    }

    /** Fails with {@link SweepRunningException} when another sweep holds the lock. */
    public Uni<SweepReport> sweep() {
        return pool.withConnection(lockHolder -> lockHolder
                .preparedQuery("SELECT pg_try_advisory_lock($1)").execute(Tuple.of(LOCK_KEY))
                .flatMap(locked -> {
                    if (!locked.iterator().next().getBoolean(0)) {
                        return Uni.createFrom().failure(new SweepRunningException());
                    }
                    return lockHolder.query(SWEEP_SESSION).execute()
                            .chain(() -> compressWal(lockHolder))
                            .chain(() -> run(lockHolder))
                            .eventually(() -> lockHolder.query(RESET_SESSION).execute()
                                    .chain(() -> lockHolder.preparedQuery("SELECT pg_advisory_unlock($1)")
                                            .execute(Tuple.of(LOCK_KEY))));
                }));
    }

    static Uni<Boolean> compressWal(SqlConnection connection) {
        return connection.query(COMPRESS_WAL).execute()
                .map(ignored -> true)
                .onFailure().recoverWithItem(failure -> {
                    LOG.infof("retention sweep: the server's WAL compression (this role may not set its own: %s)",
                            failure.getMessage());
                    return false;
                });
    }

    private Uni<SweepReport> run(SqlConnection connection) {
        Instant started = clock.instant();
        RetentionPeriod period = settings.period();
        // A day of slack: calendar periods are not exact inverses (29 February); RetentionStatus decides exactly.
        Instant cutoff = period.before(started).plus(Duration.ofDays(1));
        Tally tally = new Tally();
        // PostgreSQL orders uuids by their bytes, unsigned: the all-zero uuid comes first.
        return page(connection, new UUID(0, 0), cutoff, started, period, tally)
                .chain(() -> tally.events > 0 ? settle(connection) : Uni.createFrom().voidItem())
                .map(ignored -> new SweepReport(started, clock.instant(), tally.users, tally.events, tally.skipped,
                        period.text()));
    }

    // The erasures made durable, then their old row versions reclaimed.
    private Uni<Void> settle(SqlConnection connection) {
        return connection.query(FLUSHED).execute().chain(() -> {
            long started = System.nanoTime();
            return connection.query(VACUUM).execute()
                    .invoke(() -> LOG.infof("retention sweep: VACUUM took %d ms",
                            TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started)));
        }).replaceWithVoid();
    }

    private static final class Tally {
        long users;
        long events;
        long skipped;
    }

    private Uni<Void> page(SqlConnection connection, UUID after, Instant cutoff, Instant now, RetentionPeriod period,
                           Tally tally) {
        return connection.preparedQuery(CANDIDATES)
                .execute(Tuple.tuple().addOffsetDateTime(cutoff.atOffset(ZoneOffset.UTC)).addUUID(after)
                        .addInteger(PAGE_USERS))
                // Tens of thousands of rows to take apart and sort: on a worker, not on an event loop serving webhooks.
                .emitOn(Infrastructure.getDefaultWorkerPool())
                .flatMap(rows -> {
                    List<Candidate> candidates = new ArrayList<>(rows.size());
                    for (var row : rows) {
                        // A retention_view row comes from an event of the user, so a first one exists; if it
                        // did not, the user would go last rather than fail the sweep.
                        Long first = row.getLong("first_position");
                        candidates.add(new Candidate(row.getUUID("user_id"), first == null ? Long.MAX_VALUE : first));
                    }
                    List<List<UUID>> batches = ErasureOrder.batches(candidates, Candidate::firstPosition,
                                    settings.batchUsers()).stream()
                            .map(batch -> batch.stream().map(Candidate::userId).toList()).toList();
                    Uni<Void> erased = eraseInBatches(connection, batches, 0, period, now, tally);
                    if (rows.size() < PAGE_USERS) {
                        return erased;
                    }
                    UUID next = candidates.get(candidates.size() - 1).userId();
                    return erased.chain(() -> page(connection, next, cutoff, now, period, tally));
                });
    }

    private record Candidate(UUID userId, long firstPosition) {
    }

    // The batch's users as the rules see them now; those whose period has not passed after all (they came back
    // since their relationship ended) are left.
    private Uni<List<RetentionStatus>> erasable(SqlConnection connection, List<UUID> users, Instant now,
                                                RetentionPeriod period) {
        return connection.preparedQuery(STATUSES)
                .execute(Tuple.tuple().addArrayOfUUID(users.toArray(UUID[]::new))
                        .addArrayOfString(RetentionViewTable.RETENTION_TYPES))
                .map(rows -> {
                    List<RetentionStatus> erasable = new ArrayList<>(rows.size());
                    for (var row : rows) {
                        RetentionStatus status = RetentionViewTable.status(row);
                        if (status.erasable(now, period)) {
                            erasable.add(status);
                        }
                    }
                    return erasable;
                });
    }

    private Uni<Void> eraseInBatches(SqlConnection connection, List<List<UUID>> batches, int next,
                                     RetentionPeriod period, Instant now, Tally tally) {
        if (next >= batches.size()) {
            return Uni.createFrom().voidItem();
        }
        Duration pause = settings.batchPause();
        return erasable(connection, batches.get(next), now, period)
                .chain(users -> eraser.erase(connection, users, period, now))
                .invoke(outcome -> {
                    tally.users += outcome.users();
                    tally.events += outcome.events();
                    tally.skipped += outcome.cameBack().size();
                })
                // A batch that erased no one (its users came back since their relationship ended) wrote nothing.
                .chain(outcome -> pause.isZero() || outcome.users() == 0 ? Uni.createFrom().voidItem()
                        : Uni.createFrom().voidItem().onItem().delayIt().by(pause))
                .chain(() -> eraseInBatches(connection, batches, next + 1, period, now, tally));
    }
}
