package dev.kycevents.support;

import dev.kycevents.store.HashChain;
import io.vertx.mutiny.core.buffer.Buffer;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import io.smallrye.mutiny.Uni;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Many events written straight into {@code events}, much faster than through the webhook, yet
 * exactly as the service would store them: under the log-head lock, gap-free, correctly chained.
 * The read models are not touched (a rebuild brings them up to date).
 */
public final class BulkEvents {

    /** Every user gets these, one per round, so a user's events are spread across the log. */
    private static final String[] ROUNDS = {"kyc_session_manual_review", "kyc_state_updated", "kyc_session_verified",
            "kyc_document_uploaded", "kyc_session_failed"};

    private static final String INSERT = """
            INSERT INTO events (position, event_id, event_type, user_id, session_id, occurred_at, recorded_at,
                                source, content_type, payload, raw_body, hash, prev_hash)
            SELECT position, event_id, event_type, user_id, session_id, occurred_at, recorded_at,
                   'ralio-webhook', 'application/json', convert_from(raw_body, 'UTF8')::jsonb, raw_body, hash, prev_hash
            FROM unnest($1::bigint[], $2::uuid[], $3::text[], $4::uuid[], $5::uuid[], $6::timestamptz[],
                        $7::timestamptz[], $8::bytea[], $9::bytea[], $10::bytea[])
              AS x(position, event_id, event_type, user_id, session_id, occurred_at, recorded_at, raw_body,
                   hash, prev_hash)""";

    private static final int CHUNK = 5000;

    private BulkEvents() {
    }

    /** Appends {@code users * 5} events and returns the first and last positions. */
    public static long[] append(Pool pool, int users) {
        return pool.withTransaction(connection -> connection.query("""
                        SELECT last_position, last_hash, greatest(clock_timestamp(), last_recorded_at) AS now
                        FROM event_log_head FOR UPDATE""").execute()
                .flatMap(rows -> write(connection, rows.iterator().next(), users)))
                .await().atMost(Duration.ofMinutes(2));
    }

    private static Uni<long[]> write(SqlConnection connection, Row head, int users) {
        long first = head.getLong("last_position") + 1;
        byte[] prev = head.getBuffer("last_hash").getBytes();
        Instant now = HashChain.toMicros(head.getOffsetDateTime("now").toInstant());
        List<Object[]> rows = new ArrayList<>();
        UUID[] userIds = new UUID[users];
        UUID[] sessionIds = new UUID[users];
        for (int u = 0; u < users; u++) {
            userIds[u] = UUID.randomUUID();
            sessionIds[u] = UUID.randomUUID();
        }
        long position = first;
        Instant base = Instant.parse("2025-06-19T17:00:00Z");
        for (int round = 0; round < ROUNDS.length; round++) {
            for (int u = 0; u < users; u++, position++) {
                String type = ROUNDS[round];
                UUID id = UUID.randomUUID();
                UUID session = type.equals("kyc_state_updated") ? null : sessionIds[u];
                Instant at = base.plusSeconds(u).plusSeconds(60L * round);
                byte[] raw = body(id, type, userIds[u], session, at).getBytes(StandardCharsets.UTF_8);
                byte[] hash = HashChain.hash(prev, position, id, type, userIds[u], session, at, now,
                        "ralio-webhook", "application/json", raw);
                rows.add(new Object[] {position, id, type, userIds[u], session, at, raw, hash, prev});
                prev = hash;
            }
        }
        long last = position - 1;
        byte[] lastHash = prev;
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (int from = 0; from < rows.size(); from += CHUNK) {
            List<Object[]> chunk = rows.subList(from, Math.min(rows.size(), from + CHUNK));
            chain = chain.call(() -> insert(connection, chunk, now));
        }
        return chain.call(() -> connection.preparedQuery(
                        "UPDATE event_log_head SET last_position = $1, last_hash = $2, last_recorded_at = $3")
                        .execute(Tuple.tuple().addLong(last).addBuffer(Buffer.buffer(lastHash)).addOffsetDateTime(utc(now))))
                .map(ignored -> new long[] {first, last});
    }

    private static Uni<Void> insert(SqlConnection connection, List<Object[]> chunk, Instant now) {
        int n = chunk.size();
        Long[] positions = new Long[n];
        UUID[] ids = new UUID[n];
        String[] types = new String[n];
        UUID[] users = new UUID[n];
        UUID[] sessions = new UUID[n];
        OffsetDateTime[] occurred = new OffsetDateTime[n];
        OffsetDateTime[] recorded = new OffsetDateTime[n];
        io.vertx.core.buffer.Buffer[] raw = new io.vertx.core.buffer.Buffer[n];
        io.vertx.core.buffer.Buffer[] hashes = new io.vertx.core.buffer.Buffer[n];
        io.vertx.core.buffer.Buffer[] prevs = new io.vertx.core.buffer.Buffer[n];
        for (int i = 0; i < n; i++) {
            Object[] r = chunk.get(i);
            positions[i] = (Long) r[0];
            ids[i] = (UUID) r[1];
            types[i] = (String) r[2];
            users[i] = (UUID) r[3];
            sessions[i] = (UUID) r[4];
            occurred[i] = utc((Instant) r[5]);
            recorded[i] = utc(now);
            raw[i] = io.vertx.core.buffer.Buffer.buffer((byte[]) r[6]);
            hashes[i] = io.vertx.core.buffer.Buffer.buffer((byte[]) r[7]);
            prevs[i] = io.vertx.core.buffer.Buffer.buffer((byte[]) r[8]);
        }
        return connection.preparedQuery(INSERT).execute(Tuple.tuple().addArrayOfLong(positions).addArrayOfUUID(ids)
                        .addArrayOfString(types).addArrayOfUUID(users).addArrayOfUUID(sessions)
                        .addArrayOfOffsetDateTime(occurred).addArrayOfOffsetDateTime(recorded)
                        .addValue(raw).addValue(hashes).addValue(prevs))
                .replaceWithVoid();
    }

    private static String body(UUID id, String type, UUID user, UUID session, Instant at) {
        String data = type.equals("kyc_state_updated")
                ? "{\"userId\":\"" + user + "\",\"state\":\"REGULAR\"}"
                : "{\"userId\":\"" + user + "\",\"sessionId\":\"" + session + "\",\"checks\":"
                        + "[{\"type\":\"document-verification\",\"state\":\"Validated\",\"reasons\":[]}]}";
        return "{\"id\":\"" + id + "\",\"event\":\"" + type + "\",\"timestamp\":\"" + at + "\",\"data\":" + data + "}";
    }

    private static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
