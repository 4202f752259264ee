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
    void withNothingConfiguredItRunsInTheHomeDirectoryOnAnyPort() {
        EmbeddedSettings settings = decide(PROD).orElseThrow();

        assertEquals(Optional.of(Path.of("/home/alice/.kyc-events/pgdata")), settings.dataDirectory());
        assertEquals(Path.of("/home/alice/.kyc-events/pg-binaries"), settings.binariesDirectory());
        assertEquals(0, settings.port());
    }

    @Test
    void aConfiguredReactiveUrlMeansNoEmbeddedDatabase() {
        config.put(EmbeddedDatabaseDecision.REACTIVE_URL, "postgresql://db:5432/kyc");

        assertTrue(decide(PROD).isEmpty());
    }

    @Test
    void aConfiguredJdbcUrlMeansNoEmbeddedDatabase() {
        config.put(EmbeddedDatabaseDecision.JDBC_URL, "jdbc:postgresql://db:5432/kyc");

        assertTrue(decide(PROD).isEmpty());
    }

    @Test
    void blankUrlsCountAsNotConfigured() {
        config.put(EmbeddedDatabaseDecision.REACTIVE_URL, " ");
        config.put(EmbeddedDatabaseDecision.JDBC_URL, "");

        assertTrue(decide(PROD).isPresent());
    }

    @Test
    void itCanBeSwitchedOff() {
        config.put(EmbeddedDatabaseDecision.ENABLED, "FALSE");

        assertTrue(decide(PROD).isEmpty());
    }

    @Test
    void onlyFalseSwitchesItOff() {
        config.put(EmbeddedDatabaseDecision.ENABLED, "true");

        assertTrue(decide(PROD).isPresent());
    }

    @Test
    void theBinariesLiveNextToAConfiguredDataDirectory() {
        config.put(EmbeddedDatabaseDecision.DATA_DIR, "/var/lib/kyc/data/");

        EmbeddedSettings settings = decide(PROD).orElseThrow();

        assertEquals(Optional.of(Path.of("/var/lib/kyc/data")), settings.dataDirectory());
        assertEquals(Path.of("/var/lib/kyc/pg-binaries"), settings.binariesDirectory());
    }

    @Test
    void aRelativeDataDirectoryIsMadeAbsolute() {
        config.put(EmbeddedDatabaseDecision.DATA_DIR, "data");

        Path dataDir = decide(PROD).orElseThrow().dataDirectory().orElseThrow();

        assertEquals(Path.of("data").toAbsolutePath(), dataDir);
    }

    @Test
    void theTestProfileGetsAThrowAwayDirectoryButKeepsTheBinaryCache() {
        EmbeddedSettings settings = decide(List.of("test")).orElseThrow();

        assertTrue(settings.throwAway());
        assertEquals(Path.of("/home/alice/.kyc-events/pg-binaries"), settings.binariesDirectory());
    }

    @Test
    void throwAwayCanBeSetExplicitlyInAnyProfile() {
        config.put(EmbeddedDatabaseDecision.THROW_AWAY, "true");

        assertTrue(decide(PROD).orElseThrow().throwAway());
    }

    @Test
    void recordingTheClassArchiveDuringABuildNeverUsesTheUsersData() {
        config.put(EmbeddedDatabaseDecision.RECORDING_CLASS_ARCHIVE, "true");
        config.put(EmbeddedDatabaseDecision.THROW_AWAY, "false");
        config.put(EmbeddedDatabaseDecision.DATA_DIR, "/home/alice/kyc-data");

        assertTrue(decide(PROD).orElseThrow().throwAway());
    }

    @Test
    void theTestProfileCanKeepItsData() {
        config.put(EmbeddedDatabaseDecision.THROW_AWAY, "false");

        assertTrue(decide(List.of("test")).orElseThrow().dataDirectory().isPresent());
    }

    @Test
    void aFixedPortIsUsed() {
        config.put(EmbeddedDatabaseDecision.PORT, "15432");

        assertEquals(15432, decide(PROD).orElseThrow().port());
    }

    @Test
    void anInvalidPortIsRejectedNamingTheKey() {
        config.put(EmbeddedDatabaseDecision.PORT, "70000");

        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> decide(PROD));
        assertTrue(error.getMessage().contains(EmbeddedDatabaseDecision.PORT), error.getMessage());
    }

    @Test
    void aNonNumericPortIsRejected() {
        config.put(EmbeddedDatabaseDecision.PORT, "five");

        assertThrows(IllegalArgumentException.class, () -> decide(PROD));
    }
}
