package com.example.kyc.projection.session;

import com.example.kyc.event.Check;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Reads and writes the {@code session_view} table. */
@ApplicationScoped
public class SessionViewTable {

    private static final String COLUMNS = """
            session_id, user_id, state, state_code, checks::text AS checks, reasons::text AS reasons,
            hosted_url, expires_at, started_at, updated_at, anomalies::text AS anomalies, event_count""";

    private static final String UPSERT = """
            INSERT INTO session_view (session_id, user_id, state, state_code, checks, reasons, hosted_url,
                                      expires_at, started_at, updated_at, anomalies, event_count)
            VALUES ($1, $2, $3, $4, $5::text::jsonb, $6::text::jsonb, $7, $8, $9, $10, $11::text::jsonb, $12)
            ON CONFLICT (session_id) DO UPDATE SET
                state = excluded.state, state_code = excluded.state_code, checks = excluded.checks,
                reasons = excluded.reasons, hosted_url = excluded.hosted_url, expires_at = excluded.expires_at,
                started_at = excluded.started_at, updated_at = excluded.updated_at,
                anomalies = excluded.anomalies, event_count = excluded.event_count""";

    private static final String BY_ID = "SELECT " + COLUMNS + " FROM session_view WHERE session_id = $1";

    private static final String BY_USER = "SELECT " + COLUMNS
            + " FROM session_view WHERE user_id = $1 ORDER BY started_at DESC, session_id DESC";

    private static final TypeReference<List<Check>> CHECKS = new TypeReference<>() { };
    private static final TypeReference<List<RefusalReason>> REASONS = new TypeReference<>() { };
    private static final TypeReference<List<Anomaly>> ANOMALIES = new TypeReference<>() { };

    private final ObjectMapper json;

    public SessionViewTable(ObjectMapper json) {
        this.json = json;
    }

    public Uni<Void> upsert(SqlClient client, List<SessionView> views) {
        if (views.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        List<Tuple> rows = views.stream().map(this::tuple).toList();
        return client.preparedQuery(UPSERT).executeBatch(rows).replaceWithVoid();
    }

    public Uni<SessionView> find(SqlClient client, UUID sessionId) {
        return client.preparedQuery(BY_ID).execute(Tuple.of(sessionId))
                .map(rows -> rows.size() == 0 ? null : view(rows.iterator().next()));
    }

    /** The user's sessions, most recently started first. */
    public Uni<List<SessionView>> findByUser(SqlClient client, UUID userId) {
        return client.preparedQuery(BY_USER).execute(Tuple.of(userId)).map(rows -> {
            List<SessionView> views = new ArrayList<>(rows.size());
            rows.forEach(row -> views.add(view(row)));
            return views;
        });
    }

    private Tuple tuple(SessionView v) {
        return Tuple.tuple().addUUID(v.sessionId()).addUUID(v.userId()).addString(v.state().name())
                .addShort((short) v.state().code()).addString(write(v.checks())).addString(write(v.reasons()))
                .addString(v.hostedUrl()).addOffsetDateTime(utc(v.expiresAt()))
                .addOffsetDateTime(utc(v.startedAt())).addOffsetDateTime(utc(v.updatedAt()))
                .addString(write(v.anomalies())).addInteger(v.eventCount());
    }

    private SessionView view(Row row) {
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

    private static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    private static Instant instant(Row row, String column) {
        OffsetDateTime value = row.getOffsetDateTime(column);
        return value == null ? null : value.toInstant();
    }
}
