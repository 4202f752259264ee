package dev.kycevents.projection.session;

import static dev.kycevents.store.SqlTimes.utc;
import static dev.kycevents.store.SqlTimes.instant;

import dev.kycevents.event.Check;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.UncheckedIOException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Reads and writes the {@code session_view} table. */
@ApplicationScoped
public class SessionViewTable {

    private static final String COLUMNS = """
            session_id, user_id, state, state_code, checks::text AS checks, reasons::text AS reasons,
            hosted_url, expires_at, started_at, updated_at, anomalies::text AS anomalies, event_count""";

    /** The live table; a rebuild writes a copy of it under another name, then swaps it in. */
    public static final String TABLE = "session_view";

    private static final String UPSERT_INTO = """
            INSERT INTO %s (session_id, user_id, state, state_code, checks, reasons, hosted_url,
                                      expires_at, started_at, updated_at, anomalies, event_count)
            SELECT session_id, user_id, state, state_code, checks::jsonb, reasons::jsonb, hosted_url,
                   expires_at, started_at, updated_at, anomalies::jsonb, event_count
            FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::smallint[], $5::text[], $6::text[], $7::text[],
                        $8::timestamptz[], $9::timestamptz[], $10::timestamptz[], $11::text[], $12::int[])
              AS x(session_id, user_id, state, state_code, checks, reasons, hosted_url,
                   expires_at, started_at, updated_at, anomalies, event_count)
            ON CONFLICT (session_id) DO UPDATE SET
                state = excluded.state, state_code = excluded.state_code, checks = excluded.checks,
                reasons = excluded.reasons, hosted_url = excluded.hosted_url, expires_at = excluded.expires_at,
                started_at = excluded.started_at, updated_at = excluded.updated_at,
                anomalies = excluded.anomalies, event_count = excluded.event_count""";

    private static final String UPSERT = UPSERT_INTO.formatted(TABLE);

    private static final String BY_ID = "SELECT " + COLUMNS + " FROM session_view WHERE session_id = $1";

    private static final String BY_USER = "SELECT " + COLUMNS + " FROM session_view WHERE user_id = $1";

    private static final TypeReference<List<Check>> CHECKS = new TypeReference<>() { };
    private static final TypeReference<List<RefusalReason>> REASONS = new TypeReference<>() { };
    private static final TypeReference<List<Anomaly>> ANOMALIES = new TypeReference<>() { };

    private final ObjectMapper json;

    public SessionViewTable(ObjectMapper json) {
        this.json = json;
    }

    public Uni<Void> upsert(SqlClient client, List<SessionView> views) {
        return upsert(client, UPSERT, views);
    }

    /** Writes into a table created like {@code session_view} (a rebuild's copy). */
    public Uni<Void> upsertInto(SqlClient client, String table, List<SessionView> views) {
        return upsert(client, UPSERT_INTO.formatted(table), views);
    }

    private Uni<Void> upsert(SqlClient client, String upsert, List<SessionView> views) {
        if (views.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        int n = views.size();
        UUID[] sessionIds = new UUID[n];
        UUID[] userIds = new UUID[n];
        String[] states = new String[n];
        Short[] stateCodes = new Short[n];
        String[] checks = new String[n];
        String[] reasons = new String[n];
        String[] hostedUrls = new String[n];
        OffsetDateTime[] expiresAt = new OffsetDateTime[n];
        OffsetDateTime[] startedAt = new OffsetDateTime[n];
        OffsetDateTime[] updatedAt = new OffsetDateTime[n];
        String[] anomalies = new String[n];
        Integer[] eventCounts = new Integer[n];
        for (int i = 0; i < n; i++) {
            SessionView v = views.get(i);
            sessionIds[i] = v.sessionId();
            userIds[i] = v.userId();
            states[i] = v.state().name();
            stateCodes[i] = (short) v.state().code();
            checks[i] = write(v.checks());
            reasons[i] = write(v.reasons());
            hostedUrls[i] = v.hostedUrl();
            expiresAt[i] = utc(v.expiresAt());
            startedAt[i] = utc(v.startedAt());
            updatedAt[i] = utc(v.updatedAt());
            anomalies[i] = write(v.anomalies());
            eventCounts[i] = v.eventCount();
        }
        // One statement for every touched session: see EventStore's INSERT.
        return client.preparedQuery(upsert).execute(Tuple.tuple().addArrayOfUUID(sessionIds).addArrayOfUUID(userIds)
                .addArrayOfString(states).addArrayOfShort(stateCodes).addArrayOfString(checks)
                .addArrayOfString(reasons).addArrayOfString(hostedUrls).addArrayOfOffsetDateTime(expiresAt)
                .addArrayOfOffsetDateTime(startedAt).addArrayOfOffsetDateTime(updatedAt)
                .addArrayOfString(anomalies).addArrayOfInteger(eventCounts)).replaceWithVoid();
    }

    public Uni<SessionView> find(SqlClient client, UUID sessionId) {
        return client.preparedQuery(BY_ID).execute(Tuple.of(sessionId))
                .map(rows -> rows.size() == 0 ? null : view(rows.iterator().next()));
    }

    /** Every session of a user, in no particular order. */
    public Uni<List<SessionView>> ofUser(SqlClient client, UUID userId) {
        return client.preparedQuery(BY_USER).execute(Tuple.of(userId)).map(rows -> {
            List<SessionView> found = new ArrayList<>(rows.size());
            rows.forEach(row -> found.add(view(row)));
            return found;
        });
    }

    /** A session from a row holding this table's columns (the checks, reasons and anomalies as text). */
    public SessionView view(Row row) {
        return new SessionView(row.getUUID("session_id"), row.getUUID("user_id"),
                SessionState.valueOf(row.getString("state")), read(row.getString("checks"), CHECKS),
                read(row.getString("reasons"), REASONS), row.getString("hosted_url"), instant(row, "expires_at"),
                instant(row, "started_at"), instant(row, "updated_at"), read(row.getString("anomalies"), ANOMALIES),
                row.getInteger("event_count"));
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private <T> T read(String text, TypeReference<T> type) {
        try {
            return json.readValue(text, type);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
