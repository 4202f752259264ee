package dev.kycevents.projection.level;

import static dev.kycevents.store.SqlTimes.utc;

import dev.kycevents.event.KycLevel;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Reads and writes the {@code kyc_level_view} table. */
@ApplicationScoped
public class LevelViewTable {

    private static final String COLUMNS = "user_id, level, level_at, level_position, version";

    /** The live table; a rebuild writes a copy of it under another name, then swaps it in. */
    public static final String TABLE = "kyc_level_view";

    private static final String UPSERT_INTO = """
            INSERT INTO %s (user_id, level, level_code, level_at, level_position, version)
            SELECT * FROM unnest($1::uuid[], $2::text[], $3::smallint[], $4::timestamptz[], $5::bigint[],
                                 $6::bigint[])
            ON CONFLICT (user_id) DO UPDATE SET
                level = excluded.level, level_code = excluded.level_code, level_at = excluded.level_at,
                level_position = excluded.level_position, version = excluded.version""";

    private static final String UPSERT = UPSERT_INTO.formatted(TABLE);

    private static final String BY_IDS = "SELECT " + COLUMNS + " FROM kyc_level_view WHERE user_id = ANY($1::uuid[])";

    public Uni<Map<UUID, LevelView>> find(SqlClient client, Collection<UUID> userIds) {
        return client.preparedQuery(BY_IDS).execute(Tuple.tuple().addArrayOfUUID(userIds.toArray(UUID[]::new)))
                .map(rows -> {
                    Map<UUID, LevelView> views = new HashMap<>();
                    rows.forEach(row -> views.put(row.getUUID("user_id"), view(row)));
                    return views;
                });
    }

    public Uni<Void> upsert(SqlClient client, List<LevelView> views) {
        return upsert(client, UPSERT, views);
    }

    /** Writes into a table created like {@code kyc_level_view} (a rebuild's copy). */
    public Uni<Void> upsertInto(SqlClient client, String table, List<LevelView> views) {
        return upsert(client, UPSERT_INTO.formatted(table), views);
    }

    private Uni<Void> upsert(SqlClient client, String upsert, List<LevelView> views) {
        if (views.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        int n = views.size();
        UUID[] userIds = new UUID[n];
        String[] levels = new String[n];
        Short[] codes = new Short[n];
        OffsetDateTime[] levelAt = new OffsetDateTime[n];
        Long[] positions = new Long[n];
        Long[] versions = new Long[n];
        for (int i = 0; i < n; i++) {
            LevelView v = views.get(i);
            userIds[i] = v.userId();
            levels[i] = v.level().name();
            codes[i] = (short) v.level().code();
            levelAt[i] = utc(v.levelAt());
            positions[i] = v.levelPosition();
            versions[i] = v.version();
        }
        // One statement for every touched user: see EventStore's INSERT.
        return client.preparedQuery(upsert).execute(Tuple.tuple().addArrayOfUUID(userIds).addArrayOfString(levels)
                .addArrayOfShort(codes).addArrayOfOffsetDateTime(levelAt).addArrayOfLong(positions)
                .addArrayOfLong(versions)).replaceWithVoid();
    }

    /** A level view from a row holding this table's columns. */
    public static LevelView view(Row row) {
        OffsetDateTime levelAt = row.getOffsetDateTime("level_at");
        return new LevelView(row.getUUID("user_id"), KycLevel.valueOf(row.getString("level")),
                levelAt == null ? null : levelAt.toInstant(), row.getLong("level_position"), row.getLong("version"));
    }
}
