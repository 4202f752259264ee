package dev.kycevents.embedded;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class EmbeddedDatabaseDecisionTest {

    private static final String HOME = "/home/alice";
    private static final List<String> PROD = List.of("prod");

    private final Map<String, String> config = new HashMap<>();

    private Optional<EmbeddedSettings> decide(List<String> profiles) {
        return EmbeddedDatabaseDecision.decide(config::get, profiles, HOME);
    }

    @Test
    void with_nothing_configured_it_runs_in_the_home_directory_on_any_port() {
        EmbeddedSettings settings = decide(PROD).orElseThrow();

        assertEquals(Optional.of(Path.of("/home/alice/.kyc-events/pgdata")), settings.dataDirectory());
        assertEquals(Path.of("/home/alice/.kyc-events/pg-binaries"), settings.binariesDirectory());
        assertEquals(0, settings.port());
    }

    @Test
    void a_configured_reactive_url_means_no_embedded_database() {
        config.put(EmbeddedDatabaseDecision.REACTIVE_URL, "postgresql://db:5432/kyc");

        assertTrue(decide(PROD).isEmpty());
    }

    @Test
    void a_configured_jdbc_url_means_no_embedded_database() {
        config.put(EmbeddedDatabaseDecision.JDBC_URL, "jdbc:postgresql://db:5432/kyc");

        assertTrue(decide(PROD).isEmpty());
    }

    @Test
    void blank_urls_count_as_not_configured() {
        config.put(EmbeddedDatabaseDecision.REACTIVE_URL, " ");
        config.put(EmbeddedDatabaseDecision.JDBC_URL, "");

        assertTrue(decide(PROD).isPresent());
    }

    @Test
    void it_can_be_switched_off() {
        config.put(EmbeddedDatabaseDecision.ENABLED, "FALSE");

        assertTrue(decide(PROD).isEmpty());
    }

    @Test
    void only_false_switches_it_off() {
        config.put(EmbeddedDatabaseDecision.ENABLED, "true");

        assertTrue(decide(PROD).isPresent());
    }

    @Test
    void the_binaries_live_next_to_a_configured_data_directory() {
        config.put(EmbeddedDatabaseDecision.DATA_DIR, "/var/lib/kyc/data/");

        EmbeddedSettings settings = decide(PROD).orElseThrow();

        assertEquals(Optional.of(Path.of("/var/lib/kyc/data")), settings.dataDirectory());
        assertEquals(Path.of("/var/lib/kyc/pg-binaries"), settings.binariesDirectory());
    }

    @Test
    void a_relative_data_directory_is_made_absolute() {
        config.put(EmbeddedDatabaseDecision.DATA_DIR, "data");

        Path dataDir = decide(PROD).orElseThrow().dataDirectory().orElseThrow();

        assertEquals(Path.of("data").toAbsolutePath(), dataDir);
    }

    @Test
    void the_test_profile_gets_a_throw_away_directory_but_keeps_the_binary_cache() {
        EmbeddedSettings settings = decide(List.of("test")).orElseThrow();

        assertTrue(settings.throwAway());
        assertEquals(Path.of("/home/alice/.kyc-events/pg-binaries"), settings.binariesDirectory());
    }

    @Test
    void throw_away_can_be_set_explicitly_in_any_profile() {
        config.put(EmbeddedDatabaseDecision.THROW_AWAY, "true");

        assertTrue(decide(PROD).orElseThrow().throwAway());
    }

    @Test
    void recording_the_class_archive_during_a_build_never_uses_the_users_data() {
        config.put(EmbeddedDatabaseDecision.RECORDING_CLASS_ARCHIVE, "true");
        config.put(EmbeddedDatabaseDecision.THROW_AWAY, "false");
        config.put(EmbeddedDatabaseDecision.DATA_DIR, "/home/alice/kyc-data");

        assertTrue(decide(PROD).orElseThrow().throwAway());
    }

    @Test
    void the_test_profile_can_keep_its_data() {
        config.put(EmbeddedDatabaseDecision.THROW_AWAY, "false");

        assertTrue(decide(List.of("test")).orElseThrow().dataDirectory().isPresent());
    }

    @Test
    void a_fixed_port_is_used() {
        config.put(EmbeddedDatabaseDecision.PORT, "15432");

        assertEquals(15432, decide(PROD).orElseThrow().port());
    }

    @Test
    void an_invalid_port_is_rejected_naming_the_key() {
        config.put(EmbeddedDatabaseDecision.PORT, "70000");

        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> decide(PROD));
        assertTrue(error.getMessage().contains(EmbeddedDatabaseDecision.PORT), error.getMessage());
    }

    @Test
    void a_non_numeric_port_is_rejected() {
        config.put(EmbeddedDatabaseDecision.PORT, "five");

        assertThrows(IllegalArgumentException.class, () -> decide(PROD));
    }
}
