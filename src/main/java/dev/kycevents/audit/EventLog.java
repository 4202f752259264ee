package dev.kycevents.audit;

import static dev.kycevents.store.SqlTimes.instant;

import dev.kycevents.store.HashChain;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.buffer.Buffer;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Reads the event log for compliance: pages by position, and the raw bytes of one event. */
@ApplicationScoped
public class EventLog {

    private static final String COLUMNS = """
            position, event_id, event_type, user_id, session_id, occurred_at, recorded_at, source,
            payload::text AS payload, hash, prev_hash""";

    private static final String PAGE = "SELECT " + COLUMNS
            + " FROM events WHERE position > $1 ORDER BY position LIMIT $2";

    private static final String USER_PAGE = "SELECT " + COLUMNS
            + " FROM events WHERE user_id = $1 AND position > $2 ORDER BY position LIMIT $3";

    private static final String RAW = "SELECT content_type, raw_body FROM events WHERE event_id = $1";

    private final Pool pool;

    public EventLog(Pool pool) {
        this.pool = pool;
    }

    public Uni<EventPage> page(PageRequest request) {
        return pool.preparedQuery(PAGE).execute(Tuple.of(request.after(), request.limit()))
                .map(rows -> page(rows, request));
    }

    public Uni<EventPage> userPage(UUID userId, PageRequest request) {
        return pool.preparedQuery(USER_PAGE).execute(Tuple.of(userId, request.after(), request.limit()))
                .map(rows -> page(rows, request));
    }

    /** The bytes as received (null bytes once erased), or null for an unknown event. */
    public Uni<RawEvent> raw(UUID eventId) {
        return pool.preparedQuery(RAW).execute(Tuple.of(eventId)).map(rows -> {
            if (rows.size() == 0) {
                return null;
            }
            Row row = rows.iterator().next();
            Buffer body = row.getBuffer("raw_body");
            return new RawEvent(row.getString("content_type"), body == null ? null : body.getBytes());
        });
    }

    private static EventPage page(RowSet<Row> rows, PageRequest request) {
        List<FeedEvent> events = new ArrayList<>(rows.size());
        long last = request.after();
        for (Row row : rows) {
            FeedEvent event = event(row);
            events.add(event);
            last = event.position();
        }
        return new EventPage(events, last);
    }

    private static FeedEvent event(Row row) {
        return new FeedEvent(row.getLong("position"), row.getUUID("event_id"), row.getString("event_type"),
                row.getUUID("user_id"), row.getUUID("session_id"), instant(row, "occurred_at"),
                instant(row, "recorded_at"), row.getString("source"), row.getString("payload"),
                hex(row, "hash"), hex(row, "prev_hash"), row.getString("payload") == null);
    }

    static String hex(Row row, String column) {
        return HashChain.hex(row.getBuffer(column).getBytes());
    }
}
