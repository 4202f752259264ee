package com.example.kyc.query;

import com.example.kyc.projection.level.LevelFold;
import com.example.kyc.projection.level.LevelView;
import com.example.kyc.projection.level.LevelViewTable;
import com.example.kyc.projection.session.SessionState;
import com.example.kyc.projection.session.SessionView;
import com.example.kyc.projection.session.SessionViewTable;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Reads the views for the query API, straight from the read-model tables. */
@ApplicationScoped
public class KycQueries {

    // Everything the entity tag depends on, in one index lookup per table: no JSON, no session list.
    private static final String STAMP = """
            SELECT l.version, s.state, s.expires_at
            FROM kyc_level_view l
            LEFT JOIN LATERAL (SELECT state, expires_at FROM session_view
                               WHERE user_id = l.user_id
                               ORDER BY started_at DESC, session_id DESC LIMIT 1) s ON true
            WHERE l.user_id = $1""";

    // The whole view in one round trip: the level row (absent for unknown users) and every session.
    private static final String VIEW = """
            SELECT u.user_id, l.level, l.level_at, l.level_position, l.version,
                   s.session_id, s.state, s.state_code, s.checks::text AS checks, s.reasons::text AS reasons,
                   s.hosted_url, s.expires_at, s.started_at, s.updated_at, s.anomalies::text AS anomalies,
                   s.event_count
            FROM (SELECT $1::uuid AS user_id) u
            LEFT JOIN kyc_level_view l ON l.user_id = u.user_id
            LEFT JOIN session_view s ON s.user_id = u.user_id
            ORDER BY s.started_at DESC, s.session_id DESC""";

    private final Pool pool;
    private final SessionViewTable sessions;

    public KycQueries(Pool pool, SessionViewTable sessions) {
        this.pool = pool;
        this.sessions = sessions;
    }

    public Uni<UserKyc> user(UUID userId) {
        return pool.preparedQuery(VIEW).execute(Tuple.of(userId)).map(rows -> {
            LevelView level = null;
            List<SessionView> userSessions = new ArrayList<>();
            for (Row row : rows) {
                if (level == null) {
                    level = row.getString("level") == null ? LevelFold.initial(userId) : LevelViewTable.view(row);
                }
                if (row.getUUID("session_id") != null) {
                    userSessions.add(sessions.view(row));
                }
            }
            return new UserKyc(level, userSessions);
        });
    }

    public Uni<String> etag(UUID userId, Instant now) {
        return pool.preparedQuery(STAMP).execute(Tuple.of(userId)).map(rows -> {
            if (rows.size() == 0) {
                return KycETag.of(0, false);
            }
            Row row = rows.iterator().next();
            String state = row.getString("state");
            OffsetDateTime expiresAt = row.getOffsetDateTime("expires_at");
            boolean expired = state != null && expiresAt != null && !expiresAt.toInstant().isAfter(now)
                    && (SessionState.valueOf(state) == SessionState.NOT_STARTED
                        || SessionState.valueOf(state) == SessionState.STARTED);
            return KycETag.of(row.getLong("version"), expired);
        });
    }

    public Uni<SessionView> session(UUID sessionId) {
        return sessions.find(pool, sessionId);
    }
}
