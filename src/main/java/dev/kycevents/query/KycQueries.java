package dev.kycevents.query;

import static dev.kycevents.store.SqlTimes.instant;

import dev.kycevents.event.EventTypes;
import dev.kycevents.metrics.KycMetrics;
import dev.kycevents.overload.Backlog;
import dev.kycevents.projection.level.LevelFold;
import dev.kycevents.projection.level.LevelViewTable;
import dev.kycevents.projection.session.SessionState;
import dev.kycevents.projection.session.SessionView;
import dev.kycevents.projection.session.SessionViewTable;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Reads the views for the query API, straight from the read-model tables. Concurrent reads are
 * coalesced (see {@link LookupBatcher}): each query below serves every user asked for meanwhile.
 */
// Created at start, so its meters are published (at 0) before the first request.
@Startup
@ApplicationScoped
public class KycQueries {

    // A user without a level row is unknown, or gone: erased, with no event since (kyc_user_erased is the only type
    // such a user may have).
    private static final String GONE = """
            l.user_id IS NULL AND EXISTS (
                SELECT 1 FROM retention_view r WHERE r.user_id = u.user_id AND r.erased_at IS NOT NULL
                AND NOT EXISTS (SELECT 1 FROM events e WHERE e.user_id = r.user_id
                                AND e.position > r.erased_through AND e.event_type <> '%s')) AS gone"""
            .formatted(EventTypes.USER_ERASED);

    // Everything the entity tag depends on, in one index lookup per table: no JSON, no session list.
    private static final String STAMPS = """
            SELECT u.user_id, l.version, s.state, s.expires_at, %s
            FROM unnest($1::uuid[]) AS u(user_id)
            LEFT JOIN kyc_level_view l ON l.user_id = u.user_id
            LEFT JOIN LATERAL (SELECT state, expires_at FROM session_view
                               WHERE user_id = l.user_id
                               ORDER BY started_at DESC, session_id DESC LIMIT 1) s ON true""".formatted(GONE);

    // Whole views in one round trip: per user, the level row (absent for unknown users) and every session.
    private static final String VIEWS = """
            SELECT u.user_id, l.level, l.level_at, l.level_position, l.version,
                   s.session_id, s.state, s.state_code, s.checks::text AS checks, s.reasons::text AS reasons,
                   s.hosted_url, s.expires_at, s.started_at, s.updated_at, s.anomalies::text AS anomalies,
                   s.event_count, %s
            FROM unnest($1::uuid[]) AS u(user_id)
            LEFT JOIN kyc_level_view l ON l.user_id = u.user_id
            LEFT JOIN session_view s ON s.user_id = u.user_id
            ORDER BY u.user_id, s.started_at DESC, s.session_id DESC""".formatted(GONE);

    private static final String SESSION_ERASED =
            "SELECT EXISTS (SELECT 1 FROM events WHERE session_id = $1 AND raw_body IS NULL)";

    /** What the entity tag is made of: the level row's version and the current session's state. */
    private record Stamp(long version, SessionState state, Instant expiresAt) {

        static final Stamp UNKNOWN_USER = new Stamp(0, null, null);

        String etag(Instant now) {
            return KycETag.of(version, state, expiresAt, now);
        }
    }

    private final Pool pool;
    private final SessionViewTable sessions;
    private final LookupBatcher<UUID, Stamp> stamps;
    private final LookupBatcher<UUID, UserKyc> views;

    public KycQueries(Pool pool, SessionViewTable sessions, KycMetrics metrics,
                      @ConfigProperty(name = "kyc.query.max-batches-in-flight", defaultValue = "1") int maxInFlight,
                      @ConfigProperty(name = "kyc.query.max-waiting", defaultValue = "1024") int maxWaiting) {
        this.pool = pool;
        this.sessions = sessions;
        // One bound for both lookups: together they are what a flood of polls queues up.
        Backlog backlog = new Backlog("query", maxWaiting);
        metrics.backlog(backlog);
        this.stamps = new LookupBatcher<>(this::stamps, maxInFlight, backlog);
        this.views = new LookupBatcher<>(this::views, maxInFlight, backlog);
    }

    /** The user's view; an unknown user gets the LIGHT default with no sessions; null for an erased user. */
    public Uni<UserKyc> user(UUID userId) {
        return views.get(userId);
    }

    /**
     * The entity tag {@link UserKyc#etag} would give, read without building the view; null for an erased user,
     * whom no tag matches (the whole view answers 410).
     */
    public Uni<String> etag(UUID userId, Instant now) {
        return stamps.get(userId).map(stamp -> stamp == null ? null : stamp.etag(now));
    }

    public Uni<SessionView> session(UUID sessionId) {
        return sessions.find(pool, sessionId);
    }

    /** Whether a session without a view was erased: its events are there, without their bodies. */
    public Uni<Boolean> sessionErased(UUID sessionId) {
        return pool.preparedQuery(SESSION_ERASED).execute(Tuple.of(sessionId))
                .map(rows -> rows.iterator().next().getBoolean(0));
    }

    private Uni<Map<UUID, Stamp>> stamps(List<UUID> userIds) {
        return pool.preparedQuery(STAMPS).execute(Tuple.tuple().addArrayOfUUID(userIds.toArray(UUID[]::new))).map(rows -> {
            Map<UUID, Stamp> found = new HashMap<>();
            for (Row row : rows) {
                if (row.getBoolean("gone")) {
                    continue; // no stamp: no tag matches
                }
                String state = row.getString("state");
                Long version = row.getLong("version");
                found.put(row.getUUID("user_id"), version == null ? Stamp.UNKNOWN_USER : new Stamp(version,
                        state == null ? null : SessionState.valueOf(state), instant(row, "expires_at")));
            }
            return found;
        });
    }

    private Uni<Map<UUID, UserKyc>> views(List<UUID> userIds) {
        return pool.preparedQuery(VIEWS).execute(Tuple.tuple().addArrayOfUUID(userIds.toArray(UUID[]::new))).map(rows -> {
            Map<UUID, UserKyc> found = new HashMap<>();
            for (Row row : rows) {
                UUID userId = row.getUUID("user_id");
                if (row.getBoolean("gone")) {
                    continue;
                }
                UserKyc user = found.computeIfAbsent(userId, id -> new UserKyc(row.getString("level") == null
                        ? LevelFold.initial(id) : LevelViewTable.view(row), new ArrayList<>()));
                if (row.getUUID("session_id") != null) {
                    user.sessions().add(sessions.view(row));
                }
            }
            return found;
        });
    }
}
