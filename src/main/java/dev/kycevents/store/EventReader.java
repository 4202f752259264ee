package dev.kycevents.store;

import static dev.kycevents.store.SqlTimes.instant;

import dev.kycevents.event.EventParser;
import dev.kycevents.event.EventTypes;
import dev.kycevents.event.RecordedEvent;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.buffer.Buffer;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Every read of {@code events} outside the append. The audit reads (feeds, a user's history, raw bodies, the
 * events of a past view) go through Hibernate Reactive and {@link StoredEvent}; the walks over the whole log
 * (verify, export) and the rebuild's replay read with the reactive SQL client, whose rows map here too.
 */
@ApplicationScoped
public class EventReader {

    /** What the folds read, as the history queries of {@link StoredEvent} select it, on {@code events} unaliased. */
    public static final String FOLDABLE = "events.raw_body IS NOT NULL AND events.event_type NOT IN ('"
            + String.join("', '", EventTypes.RETENTION_TYPES) + "')";

    /** What {@link #recorded(Row)} needs from a row of {@code events}. */
    public static final String RECORDED_COLUMNS = "position, recorded_at, payload::text AS payload";

    // Sorted by user so that each user's history is complete when the next user begins.
    /** For a replay: every foldable event up to position $1, with its user, by user. */
    public static final String REPLAY_UP_TO = "SELECT user_id, " + RECORDED_COLUMNS
            + " FROM events WHERE position <= $1 AND " + FOLDABLE + " ORDER BY user_id, position";

    /** For a replay: the whole foldable history of every user with an event after position $1, by user. */
    public static final String REPLAY_USERS_APPENDED_AFTER = "SELECT user_id, " + RECORDED_COLUMNS
            + " FROM events WHERE user_id IN (SELECT user_id FROM events WHERE position > $1) AND " + FOLDABLE
            + " ORDER BY user_id, position";

    // For an erased row: whether a later kyc_user_erased event of the same user covers its position, as the
    // erasure path always leaves one; null for an intact row.
    private static final String ERASURE_RECORDED = """
            CASE WHEN events.raw_body IS NULL THEN EXISTS (
                SELECT 1 FROM events x
                WHERE x.user_id = events.user_id AND x.position > events.position
                  AND x.event_type = '%s'
                  AND (x.payload #>> '{data,throughPosition}')::bigint >= events.position)
            END AS erasure_recorded""".formatted(EventTypes.USER_ERASED);

    private static final String LAST_POSITION = "SELECT last_position FROM event_log_head";

    private static final String ANCHOR = """
            SELECT (SELECT hash FROM events WHERE position = $1) AS anchor_hash, last_position
            FROM event_log_head""";

    // The head comes from the same statement, hence the same snapshot, as the rows: on the page that finds no more
    // rows, it must name the last one, however many appends committed meanwhile. The running size is computed
    // over at most $3 rows; the first row is always kept.
    private static final String PAGE = """
            SELECT h.last_position AS head_position, h.last_hash AS head_hash, e.*
            FROM event_log_head h
            LEFT JOIN LATERAL (
                SELECT * FROM (
                    SELECT position, event_id, event_type, user_id, session_id, occurred_at, recorded_at, source,
                           content_type, payload::text AS payload, raw_body, hash, prev_hash, hash_version,
                           body_digest, %s,
                           sum(coalesce(octet_length(raw_body), 0)) OVER (ORDER BY position)
                               - coalesce(octet_length(raw_body), 0) AS before
                    FROM events WHERE position > $1 AND position <= $2 ORDER BY position LIMIT $3) page
                WHERE before < $4) e ON true
            ORDER BY e.position""".formatted(ERASURE_RECORDED);

    private final Pool pool;

    public EventReader(Pool pool) {
        this.pool = pool;
    }

    /** Every event after {@code after}, at most {@code limit}, in position order. */
    public Uni<List<StoredEvent>> page(long after, int limit) {
        return Panache.withSession(() -> StoredEvent.<StoredEvent>find("#" + StoredEvent.PAGE, after)
                .range(0, limit - 1).list());
    }

    /** A user's events after {@code after}, at most {@code limit}, in position order (index events_by_user). */
    public Uni<List<StoredEvent>> userPage(UUID userId, long after, int limit) {
        return Panache.withSession(() -> StoredEvent.<StoredEvent>find("#" + StoredEvent.USER_PAGE, userId, after)
                .range(0, limit - 1).list());
    }

    /** An event's body as received (null bytes once erased); null for an unknown event. */
    public Uni<StoredBody> body(UUID eventId) {
        return Panache.withSession(() -> Panache.getSession().flatMap(session -> session
                .createNamedQuery(StoredEvent.BODY, StoredBody.class).setParameter(1, eventId)
                .getSingleResultOrNull()));
    }

    /** A user's KYC history as the folds take it, in position order; empty for a user the log does not know. */
    public Uni<List<RecordedEvent>> history(UUID userId) {
        return Panache.withSession(() -> StoredEvent.<StoredEvent>list("#" + StoredEvent.HISTORY, userId,
                EventTypes.RETENTION_TYPES)).map(EventReader::recorded);
    }

    /**
     * The part of {@link #history} recorded by {@code asOf}: recorded_at never decreases along position, so this is
     * a prefix of it.
     */
    public Uni<List<RecordedEvent>> historyRecordedBy(UUID userId, Instant asOf) {
        return Panache.withSession(() -> StoredEvent.<StoredEvent>list("#" + StoredEvent.HISTORY_RECORDED_BY,
                userId, EventTypes.RETENTION_TYPES, asOf)).map(EventReader::recorded);
    }

    /** The last position of the log now. */
    public Uni<Long> lastPosition() {
        return pool.query(LAST_POSITION).execute().map(rows -> rows.iterator().next().getLong("last_position"));
    }

    /** The hash stored at {@code position} (null when no row is there) and the log's last position. */
    public Uni<Anchor> anchor(long position) {
        return pool.preparedQuery(ANCHOR).execute(Tuple.of(position)).map(rows -> {
            Row row = rows.iterator().next();
            return new Anchor(bytes(row, "anchor_hash"), row.getLong("last_position"));
        });
    }

    public record Anchor(byte[] hash, long lastPosition) {
    }

    /**
     * Whole rows after {@code after} up to {@code to}, at most {@code rows} of them and, past the first, at most
     * {@code bytes} of bodies: bodies may be up to 1 MiB each, so rows alone do not bound a page.
     */
    public Uni<LogPage> page(long after, long to, int rows, long bytes) {
        return pool.preparedQuery(PAGE).execute(Tuple.of(after, to, rows, bytes)).map(result -> {
            List<LogPage.Entry> entries = new ArrayList<>(result.size());
            Row head = null;
            for (Row row : result) {
                head = row;
                if (row.getLong("position") != null) {
                    entries.add(new LogPage.Entry(row(row), Boolean.TRUE.equals(row.getBoolean("erasure_recorded"))));
                }
            }
            return new LogPage(entries, head.getLong("head_position"), bytes(head, "head_hash"));
        });
    }

    /** A row of {@code events} with every column, exactly as stored and hashed. */
    public static EventRow row(Row row) {
        return new EventRow(row.getLong("position"), row.getUUID("event_id"), row.getString("event_type"),
                row.getUUID("user_id"), row.getUUID("session_id"), instant(row, "occurred_at"),
                instant(row, "recorded_at"), row.getString("source"), row.getString("content_type"),
                row.getString("payload"), bytes(row, "raw_body"), bytes(row, "hash"), bytes(row, "prev_hash"),
                row.getInteger("hash_version"), bytes(row, "body_digest"));
    }

    /** The event of a row selected with {@link #RECORDED_COLUMNS}, as the folds take it. */
    public static RecordedEvent recorded(Row row) {
        return new RecordedEvent(row.getLong("position"), instant(row, "recorded_at"),
                EventParser.decodeStored(row.getString("payload")).event());
    }

    private static List<RecordedEvent> recorded(List<StoredEvent> events) {
        List<RecordedEvent> recorded = new ArrayList<>(events.size());
        for (StoredEvent event : events) {
            recorded.add(event.recorded());
        }
        return recorded;
    }

    static byte[] bytes(Row row, String column) {
        Buffer value = row.getBuffer(column);
        return value == null ? null : value.getBytes();
    }
}
