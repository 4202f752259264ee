package com.example.kyc.query;

import com.example.kyc.projection.level.LevelFold;
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

    private final Pool pool;
    private final LevelViewTable levels;
    private final SessionViewTable sessions;

    public KycQueries(Pool pool, LevelViewTable levels, SessionViewTable sessions) {
        this.pool = pool;
        this.levels = levels;
        this.sessions = sessions;
    }

    public Uni<UserKyc> user(UUID userId) {
        return Uni.combine().all().unis(levels.find(pool, userId), sessions.findByUser(pool, userId))
                .asTuple()
                .map(both -> new UserKyc(both.getItem1() == null ? LevelFold.initial(userId) : both.getItem1(),
                        both.getItem2()));
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
