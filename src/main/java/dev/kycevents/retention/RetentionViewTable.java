package dev.kycevents.retention;

import static dev.kycevents.store.SqlTimes.instant;
import static dev.kycevents.store.SqlTimes.utc;

import dev.kycevents.event.EventTypes;
import dev.kycevents.event.RecordedEvent;
import dev.kycevents.event.RetentionEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Reads and writes {@code retention_view}, and reads each user's {@link RetentionStatus}. */
@ApplicationScoped
public class RetentionViewTable {

    /** The types that are not the user's activity: they neither stop the clock nor count as activity. */
    static final String[] RETENTION_TYPES = EventTypes.RETENTION_TYPES.toArray(String[]::new);

    private static final String FIND = """
            SELECT user_id, relationship_ended_at, legal_hold, erased_at, erased_through
            FROM retention_view WHERE user_id = ANY($1::uuid[])""";

    private static final String UPSERT = """
            INSERT INTO retention_view (user_id, relationship_ended_at, legal_hold, erased_at, erased_through)
            SELECT * FROM unnest($1::uuid[], $2::timestamptz[], $3::boolean[], $4::timestamptz[], $5::bigint[])
            ON CONFLICT (user_id) DO UPDATE SET
                relationship_ended_at = excluded.relationship_ended_at, legal_hold = excluded.legal_hold,
                erased_at = excluded.erased_at, erased_through = excluded.erased_through""";

    // The rest of a user's status comes from their events (index events_by_user): a few rows per user.
    static final String ACTIVITY = """
            SELECT coalesce(max(position) FILTER (WHERE event_type <> '%s'), 0) AS last_position,
                   max(occurred_at) FILTER (WHERE event_type <> ALL($%d::text[])) AS last_activity_at
            FROM events e WHERE e.user_id = %s""";

    private static final String STATUS = """
            SELECT u.user_id, r.relationship_ended_at, coalesce(r.legal_hold, false) AS legal_hold, r.erased_at,
                   coalesce(r.erased_through, 0) AS erased_through, a.last_position, a.last_activity_at
            FROM (SELECT $1::uuid AS user_id) u
            LEFT JOIN retention_view r ON r.user_id = u.user_id
            CROSS JOIN LATERAL (%s) a""".formatted(ACTIVITY.formatted(EventTypes.USER_ERASED, 2, "u.user_id"));

    /** Folds newly appended retention events into the users' rows, in the append's transaction. */
    public Uni<Void> project(SqlClient client, List<RecordedEvent> appended) {
        return fold(client, appended.stream().map(RecordedEvent::event).filter(e -> e instanceof RetentionEvent)
                .map(e -> (RetentionEvent) e).toList());
    }

    /** Folds retention events, in the order given, into the users' rows. */
    public Uni<Void> fold(SqlClient client, List<? extends RetentionEvent> retention) {
        if (retention.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        UUID[] users = retention.stream().map(RetentionEvent::userId).distinct().toArray(UUID[]::new);
        return client.preparedQuery(FIND).execute(Tuple.tuple().addArrayOfUUID(users)).flatMap(rows -> {
            Map<UUID, RetentionView> views = new LinkedHashMap<>();
            rows.forEach(row -> views.put(row.getUUID("user_id"), view(row)));
            for (RetentionEvent e : retention) {
                UUID user = e.userId();
                views.put(user, views.getOrDefault(user, RetentionView.initial(user)).evolve(e));
            }
            return upsert(client, new ArrayList<>(views.values()));
        });
    }

    public Uni<RetentionStatus> status(SqlClient client, UUID userId) {
        return client.preparedQuery(STATUS).execute(Tuple.of(userId, RETENTION_TYPES))
                .map(rows -> status(rows.iterator().next()));
    }

    static RetentionStatus status(Row row) {
        return new RetentionStatus(view(row), row.getLong("last_position"), instant(row, "last_activity_at"));
    }

    private static RetentionView view(Row row) {
        return new RetentionView(row.getUUID("user_id"), instant(row, "relationship_ended_at"),
                row.getBoolean("legal_hold"), instant(row, "erased_at"), row.getLong("erased_through"));
    }

    private static Uni<Void> upsert(SqlClient client, List<RetentionView> views) {
        int n = views.size();
        UUID[] users = new UUID[n];
        OffsetDateTime[] ended = new OffsetDateTime[n];
        Boolean[] holds = new Boolean[n];
        OffsetDateTime[] erased = new OffsetDateTime[n];
        Long[] through = new Long[n];
        for (int i = 0; i < n; i++) {
            RetentionView v = views.get(i);
            users[i] = v.userId();
            ended[i] = utc(v.relationshipEndedAt());
            holds[i] = v.legalHold();
            erased[i] = utc(v.erasedAt());
            through[i] = v.erasedThrough();
        }
        return client.preparedQuery(UPSERT).execute(Tuple.tuple().addArrayOfUUID(users)
                .addArrayOfOffsetDateTime(ended).addArrayOfBoolean(holds).addArrayOfOffsetDateTime(erased)
                .addArrayOfLong(through)).replaceWithVoid();
    }
}
