package dev.kycevents.projection.rebuild;

import dev.kycevents.projection.level.LevelViewTable;
import dev.kycevents.projection.session.SessionViewTable;
import dev.kycevents.store.EventReader;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The SQL of a rebuild: copies of the read-model tables, the log-head lock, drift, and the swap.
 * Every statement runs in the rebuild's one transaction, so a failure at any point leaves the live
 * tables as they were and no copy behind.
 */
@ApplicationScoped
class RebuildTables {

    /** Every read model, by its key column. */
    static final Map<String, String> LIVE = liveTables();

    // Two rebuilds at once (from two instances) would fight over the copies: the second is refused.
    private static final String TRY_LOCK =
            "SELECT pg_try_advisory_xact_lock(hashtext('kyc-events:projection-rebuild')) AS locked";

    private static final String LAST_POSITION = "SELECT last_position FROM event_log_head";

    private static final String FOLDABLE_AFTER = "SELECT count(*) FROM events WHERE position > $1 AND "
            + EventReader.FOLDABLE;

    // The lock every append takes: once held, nothing is appended until this transaction ends.
    private static final String LOCK_HEAD = "SELECT last_position FROM event_log_head FOR UPDATE";

    // Waiting longer than this for the head or the live tables (a long query on them) fails the
    // rebuild instead of holding up appends behind it.
    private static final String LOCK_TIMEOUT = "SET LOCAL lock_timeout = '10s'";

    // A copy's indexes get generated names; after the swap they take the live ones' names back.
    private static final String INDEX_NAMES = """
            SELECT c.relname AS copy_name, l.relname AS live_name
            FROM pg_index ci JOIN pg_class c ON c.oid = ci.indexrelid,
                 pg_index li JOIN pg_class l ON l.oid = li.indexrelid
            WHERE ci.indrelid = $1::text::regclass AND li.indrelid = $2::text::regclass
              AND regexp_replace(pg_get_indexdef(ci.indexrelid), 'INDEX \\S+ ON \\S+', 'INDEX ON')
                = regexp_replace(pg_get_indexdef(li.indexrelid), 'INDEX \\S+ ON \\S+', 'INDEX ON')""";

    static String copyOf(String live) {
        return live + "_rebuild";
    }

    private static Map<String, String> liveTables() {
        Map<String, String> tables = new LinkedHashMap<>();
        tables.put(SessionViewTable.TABLE, "session_id");
        tables.put(LevelViewTable.TABLE, "user_id");
        return tables;
    }

    Uni<Boolean> tryLock(SqlConnection connection) {
        return connection.query(TRY_LOCK).execute().map(rows -> rows.iterator().next().getBoolean("locked"));
    }

    /** Empty copies with the live tables' columns, constraints, indexes and comments. */
    Uni<Void> createCopies(SqlConnection connection) {
        StringBuilder sql = new StringBuilder();
        LIVE.keySet().forEach(live -> sql.append("DROP TABLE IF EXISTS ").append(copyOf(live)).append(";\n")
                .append("CREATE TABLE ").append(copyOf(live)).append(" (LIKE ").append(live)
                .append(" INCLUDING ALL);\n"));
        return connection.query(sql.toString()).execute().replaceWithVoid();
    }

    Uni<Long> lastPosition(SqlConnection connection) {
        return connection.query(LAST_POSITION).execute().map(rows -> rows.iterator().next().getLong(0));
    }

    /** Fresh statistics, so queries on the swapped-in tables are planned well from the start. */
    Uni<Void> analyzeCopies(SqlConnection connection) {
        return connection.query("ANALYZE " + String.join(", ", LIVE.keySet().stream().map(RebuildTables::copyOf)
                .toList())).execute().replaceWithVoid();
    }

    /**
     * Removes from the copies every row of a user with an event after the position, before those users are folded
     * again from their whole history: a user erased meanwhile (whose history no longer folds to anything) keeps
     * no row, and nobody keeps a row their new history would not give.
     */
    Uni<Void> forgetUsersAppendedAfter(SqlConnection connection, long position) {
        StringBuilder sql = new StringBuilder();
        LIVE.keySet().forEach(live -> sql.append("DELETE FROM ").append(copyOf(live))
                .append(" WHERE user_id IN (SELECT user_id FROM events WHERE position > ").append(position)
                .append(");\n"));
        return connection.query(sql.toString()).execute().replaceWithVoid();
    }

    /** Events after the position that a replay folds (retention events and erased rows fold to nothing). */
    Uni<Long> foldableAfter(SqlConnection connection, long position) {
        return connection.preparedQuery(FOLDABLE_AFTER).execute(Tuple.of(position))
                .map(rows -> rows.iterator().next().getLong(0));
    }

    Uni<Long> lockHead(SqlConnection connection) {
        return connection.query(LOCK_TIMEOUT).execute()
                .chain(() -> connection.query(LOCK_HEAD).execute())
                .map(rows -> rows.iterator().next().getLong(0));
    }

    /** Rows whose key is in one table and not the other, or whose columns differ. */
    Uni<Long> drift(SqlConnection connection, String live) {
        String key = LIVE.get(live);
        // One hash join on the key comparing whole rows: a third of the time of EXCEPT both ways.
        String sql = "SELECT count(*) FROM " + live + " l FULL JOIN " + copyOf(live) + " c ON c." + key + " = l." + key
                + " WHERE l IS DISTINCT FROM c";
        return connection.query(sql).execute().map(rows -> rows.iterator().next().getLong(0));
    }

    Uni<Long> rows(SqlConnection connection, String table) {
        return connection.query("SELECT count(*) FROM " + table).execute()
                .map(rows -> rows.iterator().next().getLong(0));
    }

    /**
     * Puts the copies in place of the live tables. The renames wait for queries already reading
     * the live tables and make new ones wait until commit: readers see the old rows, then the new.
     */
    Uni<Void> swap(SqlConnection connection) {
        List<Uni<List<String>>> renames = new ArrayList<>();
        LIVE.keySet().forEach(live -> renames.add(indexRenames(connection, live)));
        return Uni.join().all(renames).andFailFast().chain(indexStatements -> {
            StringBuilder sql = new StringBuilder();
            for (String live : LIVE.keySet()) {
                String retired = live + "_retired";
                sql.append("ALTER TABLE ").append(live).append(" RENAME TO ").append(retired).append(";\n")
                        .append("ALTER TABLE ").append(copyOf(live)).append(" RENAME TO ").append(live).append(";\n")
                        .append("DROP TABLE ").append(retired).append(";\n");
            }
            indexStatements.forEach(statements -> statements.forEach(s -> sql.append(s).append(";\n")));
            return connection.query(sql.toString()).execute().replaceWithVoid();
        });
    }

    private Uni<List<String>> indexRenames(SqlConnection connection, String live) {
        return connection.preparedQuery(INDEX_NAMES).execute(Tuple.of(copyOf(live), live)).map(rows -> {
            List<String> statements = new ArrayList<>();
            for (Row row : rows) {
                statements.add("ALTER INDEX " + quoted(row.getString("copy_name")) + " RENAME TO "
                        + quoted(row.getString("live_name")));
            }
            return statements;
        });
    }

    private static String quoted(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }
}
