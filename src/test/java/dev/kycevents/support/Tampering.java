package dev.kycevents.support;

import dev.kycevents.store.EventRow;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.buffer.Buffer;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.function.Function;

/**
 * Changes the stored log the way someone with direct database access could: with the append-only trigger switched
 * off inside the same transaction, so no other session ever finds it off. The suite shares one database, so
 * {@link #close()} puts back exactly what was changed, in reverse order.
 */
public final class Tampering implements AutoCloseable {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private static final String ROW = """
            SELECT position, event_id, event_type, user_id, session_id, occurred_at, recorded_at, source,
                   content_type, payload::text AS payload, raw_body, hash, prev_hash, hash_version, body_digest
            FROM events WHERE position = $1""";

    // The payload goes as text: bound straight to a jsonb parameter, a Java string would be stored as a JSON string.
    private static final String INSERT = """
            INSERT INTO events (position, event_id, event_type, user_id, session_id, occurred_at, recorded_at,
                                source, content_type, payload, raw_body, hash, prev_hash, hash_version, body_digest)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10::text::jsonb, $11, $12, $13, $14, $15)""";

    private final Pool pool;
    private final Deque<Function<SqlConnection, Uni<?>>> undo = new ArrayDeque<>();

    public Tampering(Pool pool) {
        this.pool = pool;
    }

    /** Runs {@code sql} (an UPDATE or DELETE of events, with the position as $1) on the row at {@code position}. */
    public Tampering change(long position, String sql) {
        Row saved = new Db(pool).rows(ROW, position).get(0);
        undo.push(c -> c.preparedQuery("DELETE FROM events WHERE position = $1").execute(Tuple.of(position))
                .flatMap(deleted -> c.preparedQuery(INSERT).execute(saved(saved))));
        unguarded(c -> c.preparedQuery(sql).execute(Tuple.of(position)));
        return this;
    }

    /** Stores {@code row} without moving event_log_head, as a writer that bypassed the service would. */
    public Tampering insert(EventRow row) {
        undo.push(c -> c.preparedQuery("DELETE FROM events WHERE position = $1").execute(Tuple.of(row.position())));
        unguarded(c -> c.preparedQuery(INSERT).execute(tuple(row)));
        return this;
    }

    /** Sets event_log_head's last position, leaving its hash. */
    public Tampering moveHead(long lastPosition) {
        long saved = new Db(pool).count("SELECT last_position FROM event_log_head");
        undo.push(c -> c.preparedQuery("UPDATE event_log_head SET last_position = $1").execute(Tuple.of(saved)));
        unguarded(c -> c.preparedQuery("UPDATE event_log_head SET last_position = $1").execute(Tuple.of(lastPosition)));
        return this;
    }

    @Override
    public void close() {
        while (!undo.isEmpty()) {
            unguarded(undo.pop());
        }
    }

    private void unguarded(Function<SqlConnection, Uni<?>> change) {
        pool.withTransaction(c -> c.query("ALTER TABLE events DISABLE TRIGGER USER").execute()
                        .flatMap(off -> change.apply(c))
                        .flatMap(done -> c.query("ALTER TABLE events ENABLE TRIGGER USER")
                                .execute()))
                .await().atMost(TIMEOUT);
    }

    private static Tuple saved(Row row) {
        return Tuple.tuple().addLong(row.getLong("position")).addUUID(row.getUUID("event_id"))
                .addString(row.getString("event_type")).addUUID(row.getUUID("user_id"))
                .addUUID(row.getUUID("session_id")).addOffsetDateTime(row.getOffsetDateTime("occurred_at"))
                .addOffsetDateTime(row.getOffsetDateTime("recorded_at")).addString(row.getString("source"))
                .addString(row.getString("content_type")).addString(row.getString("payload"))
                .addValue(nullable(row, "raw_body")).addBuffer(row.getBuffer("hash"))
                .addBuffer(row.getBuffer("prev_hash")).addShort(row.getShort("hash_version"))
                .addValue(nullable(row, "body_digest"));
    }

    // Erased rows have no body, version 1 rows no digest; the mutiny Tuple refuses a null Buffer.
    private static io.vertx.core.buffer.Buffer nullable(Row row, String column) {
        Buffer value = row.getBuffer(column);
        return value == null ? null : value.getDelegate();
    }

    private static Tuple tuple(EventRow row) {
        return Tuple.tuple().addLong(row.position()).addUUID(row.eventId()).addString(row.eventType())
                .addUUID(row.userId()).addUUID(row.sessionId())
                .addOffsetDateTime(OffsetDateTime.ofInstant(row.occurredAt(), ZoneOffset.UTC))
                .addOffsetDateTime(OffsetDateTime.ofInstant(row.recordedAt(), ZoneOffset.UTC))
                .addString(row.source()).addString(row.contentType()).addString(row.payloadJson())
                .addValue(row.rawBody() == null ? null : io.vertx.core.buffer.Buffer.buffer(row.rawBody()))
                .addBuffer(Buffer.buffer(row.hash())).addBuffer(Buffer.buffer(row.prevHash()))
                .addShort((short) row.hashVersion())
                .addValue(row.bodyDigest() == null ? null : io.vertx.core.buffer.Buffer.buffer(row.bodyDigest()));
    }
}
