package dev.kycevents.support;

import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Direct SQL for tests, to look behind the API at what is really stored. */
public record Db(Pool pool) {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    public RowSet<Row> query(String sql, Object... params) {
        return pool.preparedQuery(sql).execute(Tuple.from(params)).await().atMost(TIMEOUT);
    }

    public long count(String sql, Object... params) {
        return query(sql, params).iterator().next().getLong(0);
    }

    public List<Row> rows(String sql, Object... params) {
        List<Row> rows = new ArrayList<>();
        query(sql, params).forEach(rows::add);
        return rows;
    }

    public void execute(String sql) {
        pool.query(sql).execute().await().atMost(TIMEOUT);
    }
}
