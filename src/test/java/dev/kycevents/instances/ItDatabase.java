package dev.kycevents.instances;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** A throw-away PostgreSQL for tests that run the service as separate processes. */
final class ItDatabase implements AutoCloseable {

    private final EmbeddedPostgres postgres;
    private boolean closed;

    private ItDatabase(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    static ItDatabase start() throws IOException {
        return new ItDatabase(EmbeddedPostgres.builder().start());
    }

    String reactiveUrl() {
        return "postgresql://localhost:" + postgres.getPort() + "/postgres";
    }

    String jdbcUrl() {
        return "jdbc:postgresql://localhost:" + postgres.getPort() + "/postgres";
    }

    /** A connection of its own, for a reader that queries many times (a new one per query forks a backend). */
    Connection connect() throws SQLException {
        return postgres.getPostgresDatabase().getConnection();
    }

    long count(String sql) throws SQLException {
        try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** Each row's columns as strings. */
    List<List<String>> rows(String sql) throws SQLException {
        try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(sql)) {
            List<List<String>> rows = new ArrayList<>();
            int columns = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                List<String> row = new ArrayList<>(columns);
                for (int i = 1; i <= columns; i++) {
                    row.add(rs.getString(i));
                }
                rows.add(row);
            }
            return rows;
        }
    }

    @Override
    public void close() throws IOException {
        if (!closed) {
            closed = true;
            postgres.close();
        }
    }
}
