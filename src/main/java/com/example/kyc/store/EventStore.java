package com.example.kyc.store;

import com.example.kyc.event.EventParser;
import com.example.kyc.event.EventTypes;
import com.example.kyc.event.RecordedEvent;
import com.example.kyc.store.AppendPlan.Existing;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.buffer.Buffer;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * Appends to the {@code events} table. Every method runs on a connection whose transaction the
 * caller owns, so the projections can commit in the same transaction as the append.
 */
@ApplicationScoped
public class EventStore {

    // Held until commit: one writer at a time, in every instance (see V3__event_log_head.sql).
    private static final String LOCK_HEAD = """
            SELECT last_position, last_hash, greatest(clock_timestamp(), last_recorded_at) AS now
            FROM event_log_head FOR UPDATE""";

    private static final String FIND_STORED = """
            SELECT x.offered, e.position, e.payload = x.payload::jsonb AS same_content
            FROM unnest($1::uuid[], $2::text[]) WITH ORDINALITY AS x(event_id, payload, offered)
            JOIN events e ON e.event_id = x.event_id""";

    private static final String SESSION_OWNERS = """
            SELECT DISTINCT ON (session_id) session_id, user_id
            FROM events WHERE session_id = ANY($1::uuid[])
            ORDER BY session_id, position""";

    private static final String INSERT = """
            INSERT INTO events (position, event_id, event_type, user_id, session_id, occurred_at, recorded_at,
                                source, content_type, payload, raw_body, hash, prev_hash)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10::text::jsonb, $11, $12, $13)""";

    private static final String SESSION_EVENTS = """
            SELECT position, recorded_at, payload::text AS payload
            FROM events WHERE session_id = ANY($1::uuid[]) AND event_type = ANY($2::text[])
            ORDER BY position""";

    private static final String MOVE_HEAD = """
            UPDATE event_log_head SET last_position = $1, last_hash = $2, last_recorded_at = $3""";

    private static final String[] SESSION_TYPES = EventTypes.SESSION_TYPES.toArray(String[]::new);

    /** Appends what is new in {@code offered}; duplicates and conflicts are reported, not stored. */
    public Uni<AppendPlan> append(SqlConnection connection, List<NewEvent> offered) {
        return lockHead(connection).flatMap(head -> findStored(connection, offered)
                .flatMap(stored -> sessionOwners(connection, offered)
                        .map(owners -> AppendPlan.decide(offered, head, stored, owners))))
                .call(plan -> insert(connection, plan.rows()))
                .call(plan -> plan.rows().isEmpty() ? Uni.createFrom().voidItem() : moveHead(connection, plan.head()));
    }

    /** Every stored event of these sessions whose type the session fold knows. */
    public Uni<List<RecordedEvent>> sessionEvents(SqlConnection connection, Collection<UUID> sessions) {
        return connection.preparedQuery(SESSION_EVENTS)
                .execute(Tuple.tuple().addArrayOfUUID(sessions.toArray(UUID[]::new))
                        .addArrayOfString(SESSION_TYPES))
                .map(rows -> {
                    List<RecordedEvent> events = new ArrayList<>();
                    for (Row row : rows) {
                        events.add(new RecordedEvent(row.getLong("position"), instant(row, "recorded_at"),
                                EventParser.decodeStored(row.getString("payload")).event()));
                    }
                    return events;
                });
    }

    private Uni<LogHead> lockHead(SqlConnection connection) {
        return connection.query(LOCK_HEAD).execute().map(rows -> {
            Row row = rows.iterator().next();
            return new LogHead(row.getLong("last_position"), bytes(row, "last_hash"), instant(row, "now"));
        });
    }

    /** Keyed by the index of the offered event (the same id may be offered twice with different content). */
    private Uni<Map<Integer, Existing>> findStored(SqlConnection connection, List<NewEvent> offered) {
        UUID[] ids = offered.stream().map(e -> e.event().eventId()).toArray(UUID[]::new);
        String[] payloads = offered.stream().map(NewEvent::payloadJson).toArray(String[]::new);
        return connection.preparedQuery(FIND_STORED)
                .execute(Tuple.tuple().addArrayOfUUID(ids).addArrayOfString(payloads))
                .map(rows -> {
                    Map<Integer, Existing> found = new HashMap<>();
                    for (Row row : rows) {
                        found.put((int) row.getLong("offered").longValue() - 1,
                                new Existing(row.getLong("position"), row.getBoolean("same_content")));
                    }
                    return found;
                });
    }

    private Uni<Map<UUID, UUID>> sessionOwners(SqlConnection connection, List<NewEvent> offered) {
        UUID[] sessions = offered.stream().map(e -> e.event().sessionId().orElse(null))
                .filter(Objects::nonNull).distinct().toArray(UUID[]::new);
        if (sessions.length == 0) {
            return Uni.createFrom().item(Map.of());
        }
        return connection.preparedQuery(SESSION_OWNERS).execute(Tuple.tuple().addArrayOfUUID(sessions))
                .map(rows -> {
                    Map<UUID, UUID> owners = new HashMap<>();
                    rows.forEach(row -> owners.put(row.getUUID("session_id"), row.getUUID("user_id")));
                    return owners;
                });
    }

    private Uni<Void> insert(SqlConnection connection, List<EventRow> rows) {
        if (rows.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        List<Tuple> tuples = rows.stream().map(EventStore::tuple).toList();
        return connection.preparedQuery(INSERT).executeBatch(tuples).replaceWithVoid();
    }

    private Uni<Void> moveHead(SqlConnection connection, LogHead head) {
        return connection.preparedQuery(MOVE_HEAD)
                .execute(Tuple.tuple().addLong(head.lastPosition()).addBuffer(Buffer.buffer(head.lastHash()))
                        .addOffsetDateTime(utc(head.now())))
                .replaceWithVoid();
    }

    private static Tuple tuple(EventRow r) {
        return Tuple.tuple()
                .addLong(r.position()).addUUID(r.eventId()).addString(r.eventType()).addUUID(r.userId())
                .addUUID(r.sessionId()).addOffsetDateTime(utc(r.occurredAt()))
                .addOffsetDateTime(utc(r.recordedAt())).addString(r.source()).addString(r.contentType())
                .addString(r.payloadJson()).addBuffer(Buffer.buffer(r.rawBody()))
                .addBuffer(Buffer.buffer(r.hash())).addBuffer(Buffer.buffer(r.prevHash()));
    }

    static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    static Instant instant(Row row, String column) {
        OffsetDateTime value = row.getOffsetDateTime(column);
        return value == null ? null : value.toInstant();
    }

    static byte[] bytes(Row row, String column) {
        return row.getBuffer(column).getBytes();
    }
}
