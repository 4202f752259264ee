package dev.kycevents.embedded;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class StartFailureAdviceTest {

    private static final Path DATA = Path.of("/root/.kyc-events/pgdata");
    private static final Path LOG = Path.of("/root/.kyc-events/postgresql.log");
    private static final RuntimeException CAUSE = new IllegalStateException("Process [initdb] failed");

    @Test
    void always_says_how_to_use_an_existing_postgresql() {
        String message = new StartFailureAdvice(DATA, false, true, OptionalLong.empty(), LOG, "").message(CAUSE);

        assertTrue(message.contains(DATA.toString()), message);
        assertTrue(message.contains("Process [initdb] failed"), message);
        assertTrue(message.contains("non-root user"), message);
        assertTrue(message.contains("unshare -U"), message);
        assertTrue(message.contains("QUARKUS_DATASOURCE_REACTIVE_URL"), message);
        assertTrue(message.contains("QUARKUS_DATASOURCE_JDBC_URL"), message);
        assertTrue(message.contains("QUARKUS_DATASOURCE_USERNAME"), message);
        assertFalse(message.contains("refuses to run as root"), message);
    }

    @Test
    void explains_root_without_user_namespaces() {
        String message = new StartFailureAdvice(DATA, true, false, OptionalLong.empty(), LOG,
                "initdb: error: cannot be run as root").message(CAUSE);

        assertTrue(message.contains("refuses to run as root"), message);
        assertTrue(message.contains("initdb: error: cannot be run as root"), message);
        assertTrue(message.contains(LOG.toString()), message);
    }

    @Test
    void points_at_a_server_left_over_from_an_earlier_run() {
        String message = new StartFailureAdvice(DATA, false, true, OptionalLong.of(4242), LOG, "").message(CAUSE);

        assertTrue(message.contains("kill 4242"), message);
        assertTrue(message.contains("QUARKUS_DATASOURCE_JDBC_URL"), message);
        assertFalse(message.contains("non-root"), message);
    }
}
