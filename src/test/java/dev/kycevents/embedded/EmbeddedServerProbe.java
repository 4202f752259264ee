package dev.kycevents.embedded;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vertx.mutiny.sqlclient.Pool;

/** Test helper: asks the database about itself. */
final class EmbeddedServerProbe {

    // A system property, because each test profile loads the test classes in a new class loader.
    private static final String FIRST_SEEN = "kyc.test.embedded-server-seen-first";

    private EmbeddedServerProbe() {
    }

    static String query(Pool pool, String sql) {
        return pool.query(sql).execute().await().indefinitely().iterator().next().getValue(0).toString();
    }

    /** Port, data directory and start time together tell one server from another. */
    static void assertSameServerAsOtherTestProfiles(Pool pool) {
        String identity = query(pool, "SELECT inet_server_port() || ' ' || current_setting('data_directory')"
                + " || ' ' || pg_postmaster_start_time()");
        String first = System.getProperty(FIRST_SEEN);
        if (first == null) {
            System.setProperty(FIRST_SEEN, identity);
        } else {
            assertEquals(first, identity, "a test profile started a second embedded server");
        }
    }
}
