package dev.kycevents.store;

import static dev.kycevents.store.SqlTimes.utc;
import static dev.kycevents.store.SqlTimes.instant;

import dev.kycevents.event.EventTypes;
import dev.kycevents.event.RecordedEvent;
import dev.kycevents.metrics.KycMetrics;
import dev.kycevents.store.AppendPlan.Existing;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.buffer.Buffer;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
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
            SELECT last_position, last_hash, greatest(clock_timestamp(), last_recorded_at) AS recorded_at
            FROM event_log_head FOR UPDATE""";

    // An erased row has no payload to compare: its body digest is compared with the offered body's instead.
    private static final String FIND_STORED = """
            SELECT x.offered, e.position, e.payload = x.payload::jsonb AS same_content, e.body_digest
            FROM unnest($1::uuid[], $2::text[]) WITH ORDINALITY AS x(event_id, payload, offered)
            JOIN events e ON e.event_id = x.event_id""";

    // Read once per batch: who owns each session (for the 409) and its history (for the refold).
    private static final String SESSION_HISTORY = """
            SELECT session_id, user_id, event_type, position, recorded_at, payload::text AS payload
            FROM events WHERE session_id = ANY($1::uuid[])
            ORDER BY position""";

    // One statement for the whole batch: per-row statements cost the single writer more than the rows.
    private static final String INSERT = """
            INSERT INTO events (position, event_id, event_type, user_id, session_id, occurred_at, recorded_at,
                                source, content_type, payload, raw_body, hash, prev_hash, hash_version, body_digest)
            SELECT position, event_id, event_type, user_id, session_id, occurred_at, recorded_at,
                   source, content_type, payload::jsonb, raw_body, hash, prev_hash, hash_version, body_digest
            FROM unnest($1::bigint[], $2::uuid[], $3::text[], $4::uuid[], $5::uuid[], $6::timestamptz[],
                        $7::timestamptz[], $8::text[], $9::text[], $10::text[], $11::bytea[], $12::bytea[],
                        $13::bytea[], $14::smallint[], $15::bytea[])
              AS x(position, event_id, event_type, user_id, session_id, occurred_at, recorded_at,
                   source, content_type, payload, raw_body, hash, prev_hash, hash_version, body_digest)""";

    private static final String MOVE_HEAD = """
            UPDATE event_log_head SET last_position = $1, last_hash = $2, last_recorded_at = $3""";

    private final KycMetrics metrics;

    public EventStore(KycMetrics metrics) {
        this.metrics = metrics;
    }

    /** Appends what is new in {@code offered}; duplicates and conflicts are reported, not stored. */
    public Uni<Appended> append(SqlConnection connection, List<NewEvent> offered) {
        return lockHead(connection).flatMap(head -> findStored(connection, offered)
                .flatMap(stored -> sessionHistory(connection, offered)
                        .map(history -> new Appended(AppendPlan.decide(offered, head, stored, history.owners()),
                                history.events()))))
                .call(appended -> insert(connection, appended.plan().rows()))
                .call(appended -> appended.plan().rows().isEmpty() ? Uni.createFrom().voidItem()
                        : moveHead(connection, appended.plan().head()));
    }

    private Uni<LogHead> lockHead(SqlConnection connection) {
        // Timed from the subscription, when the statement is sent.
        return Uni.createFrom().deferred(() -> {
            long asked = System.nanoTime();
            return connection.query(LOCK_HEAD).execute().map(rows -> {
                metrics.headLockWaited(Duration.ofNanos(System.nanoTime() - asked));
                Row row = rows.iterator().next();
                return new LogHead(row.getLong("last_position"), EventReader.bytes(row, "last_hash"),
                        instant(row, "recorded_at"));
            });
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
                        int index = (int) row.getLong("offered").longValue() - 1;
                        Boolean samePayload = row.getBoolean("same_content");
                        boolean same = samePayload != null ? samePayload
                                : Arrays.equals(EventReader.bytes(row, "body_digest"),
                                        HashChain.bodyDigest(offered.get(index).rawBody()));
                        found.put(index, new Existing(row.getLong("position"), same));
                    }
                    return found;
                });
    }

    private record SessionHistory(Map<UUID, UUID> owners, List<RecordedEvent> events) {
    }

    private Uni<SessionHistory> sessionHistory(SqlConnection connection, List<NewEvent> offered) {
        UUID[] sessions = offered.stream().map(e -> e.event().sessionId().orElse(null))
                .filter(Objects::nonNull).distinct().toArray(UUID[]::new);
        if (sessions.length == 0) {
            return Uni.createFrom().item(new SessionHistory(Map.of(), List.of()));
        }
        return connection.preparedQuery(SESSION_HISTORY).execute(Tuple.tuple().addArrayOfUUID(sessions))
                .map(rows -> {
                    Map<UUID, UUID> owners = new HashMap<>();
                    List<RecordedEvent> events = new ArrayList<>();
                    for (Row row : rows) {
                        owners.putIfAbsent(row.getUUID("session_id"), row.getUUID("user_id"));
                        // An erased event still owns its session, but there is nothing left to fold.
                        if (EventTypes.SESSION_TYPES.contains(row.getString("event_type"))
                                && row.getString("payload") != null) {
                            events.add(EventReader.recorded(row));
                        }
                    }
                    return new SessionHistory(owners, events);
                });
    }

    private Uni<Void> insert(SqlConnection connection, List<EventRow> rows) {
        if (rows.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        int n = rows.size();
        Long[] positions = new Long[n];
        UUID[] ids = new UUID[n];
        String[] types = new String[n];
        UUID[] users = new UUID[n];
        UUID[] sessions = new UUID[n];
        OffsetDateTime[] occurred = new OffsetDateTime[n];
        OffsetDateTime[] recorded = new OffsetDateTime[n];
        String[] sources = new String[n];
        String[] contentTypes = new String[n];
        String[] payloads = new String[n];
        io.vertx.core.buffer.Buffer[] raw = new io.vertx.core.buffer.Buffer[n];
        io.vertx.core.buffer.Buffer[] hashes = new io.vertx.core.buffer.Buffer[n];
        io.vertx.core.buffer.Buffer[] prevHashes = new io.vertx.core.buffer.Buffer[n];
        Short[] versions = new Short[n];
        io.vertx.core.buffer.Buffer[] digests = new io.vertx.core.buffer.Buffer[n];
        for (int i = 0; i < n; i++) {
            EventRow r = rows.get(i);
            positions[i] = r.position();
            ids[i] = r.eventId();
            types[i] = r.eventType();
            users[i] = r.userId();
            sessions[i] = r.sessionId();
            occurred[i] = utc(r.occurredAt());
            recorded[i] = utc(r.recordedAt());
            sources[i] = r.source();
            contentTypes[i] = r.contentType();
            payloads[i] = r.payloadJson();
            raw[i] = io.vertx.core.buffer.Buffer.buffer(r.rawBody());
            hashes[i] = io.vertx.core.buffer.Buffer.buffer(r.hash());
            prevHashes[i] = io.vertx.core.buffer.Buffer.buffer(r.prevHash());
            versions[i] = (short) r.hashVersion();
            digests[i] = io.vertx.core.buffer.Buffer.buffer(r.bodyDigest());
        }
        return connection.preparedQuery(INSERT).execute(Tuple.tuple()
                .addArrayOfLong(positions).addArrayOfUUID(ids).addArrayOfString(types).addArrayOfUUID(users)
                .addArrayOfUUID(sessions).addArrayOfOffsetDateTime(occurred).addArrayOfOffsetDateTime(recorded)
                .addArrayOfString(sources).addArrayOfString(contentTypes).addArrayOfString(payloads)
                .addValue(raw).addValue(hashes).addValue(prevHashes).addArrayOfShort(versions).addValue(digests))
                .replaceWithVoid();
    }

    private Uni<Void> moveHead(SqlConnection connection, LogHead head) {
        return connection.preparedQuery(MOVE_HEAD)
                .execute(Tuple.tuple().addLong(head.lastPosition()).addBuffer(Buffer.buffer(head.lastHash()))
                        .addOffsetDateTime(utc(head.recordedAt())))
                .replaceWithVoid();
    }
}
