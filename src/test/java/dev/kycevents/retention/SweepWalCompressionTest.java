package dev.kycevents.retention;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kycevents.support.Db;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.pgclient.PgConnection;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.pgclient.PgConnectOptions;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * The sweep compresses its own WAL where the database lets its role, and sweeps all the same where it does not:
 * a role without the right (the common case: the service's role is no superuser) gets the server's setting, and
 * GRANT SET ON PARAMETER is all it takes.
 */
@QuarkusTest
class SweepWalCompressionTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    @Inject
    Pool pool;
    @Inject
    Vertx vertx;
    @ConfigProperty(name = "quarkus.datasource.reactive.url")
    String url;

    @Test
    void a_role_without_the_right_sweeps_with_the_servers_setting_and_a_grant_is_enough() {
        Db db = new Db(pool);
        String role = "sweeper_" + UUID.randomUUID().toString().replace("-", "");
        db.execute("CREATE ROLE " + role + " LOGIN PASSWORD 'sweeper'");
        String serverSetting = db.query("SELECT reset_val FROM pg_settings WHERE name = 'wal_compression'")
                .iterator().next().getString(0);
        try {
            SqlConnection withoutRight = connectAs(role);
            try {
                assertFalse(RetentionSweep.compressWal(withoutRight).await().atMost(TIMEOUT), "not permitted");
                assertEquals(serverSetting, walCompression(withoutRight), "the server's setting");
                assertEquals(1, withoutRight.query("SELECT 1").execute().await().atMost(TIMEOUT).size(),
                        "the connection is still usable");
            } finally {
                withoutRight.close().await().atMost(TIMEOUT);
            }

            db.execute("GRANT SET ON PARAMETER wal_compression TO " + role);
            SqlConnection granted = connectAs(role);
            try {
                assertTrue(RetentionSweep.compressWal(granted).await().atMost(TIMEOUT), "granted");
                String available = db.query("SELECT array_to_string(enumvals, ' ') FROM pg_settings"
                        + " WHERE name = 'wal_compression'").iterator().next().getString(0);
                assertEquals(available.contains("lz4") ? "lz4" : "pglz", walCompression(granted));
            } finally {
                granted.close().await().atMost(TIMEOUT);
            }
        } finally {
            db.execute("REVOKE SET ON PARAMETER wal_compression FROM " + role);
            db.execute("DROP ROLE " + role);
        }
    }

    private SqlConnection connectAs(String role) {
        PgConnectOptions options = PgConnectOptions.fromUri(url.replaceFirst("^vertx-reactive:", ""))
                .setUser(role).setPassword("sweeper");
        return PgConnection.connect(vertx, options).await().atMost(TIMEOUT);
    }

    private static String walCompression(SqlConnection connection) {
        return connection.query("SHOW wal_compression").execute().await().atMost(TIMEOUT).iterator().next()
                .getString(0);
    }
}
