package dev.kycevents.embedded;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/** Decides from configuration alone whether to run an embedded PostgreSQL, and how. No side effects. */
public final class EmbeddedDatabaseDecision {

    public static final String REACTIVE_URL = "quarkus.datasource.reactive.url";
    public static final String JDBC_URL = "quarkus.datasource.jdbc.url";
    public static final String ENABLED = "kyc.embedded.enabled";
    public static final String DATA_DIR = "kyc.embedded.data-dir";
    public static final String THROW_AWAY = "kyc.embedded.throw-away";
    public static final String PORT = "kyc.embedded.port";
    /**
     * Set (as a system property) while {@code package} starts the application to record its AppCDS
     * archive. That start is part of a build and must never touch the user's data.
     */
    public static final String RECORDING_CLASS_ARCHIVE = "quarkus.appcds.generate";

    static final String TEST_PROFILE = "test";
    static final String BINARIES_DIR_NAME = "pg-binaries";

    private EmbeddedDatabaseDecision() {
    }

    /**
     * @param config   looks a configuration value up by name; null or blank means not set
     * @param profiles the active configuration profiles
     * @param userHome the user's home directory, base of the default data directory
     * @return empty when a datasource is configured or the embedded database is switched off
     */
    public static Optional<EmbeddedSettings> decide(Function<String, String> config, List<String> profiles,
            String userHome) {
        if (isSet(config.apply(REACTIVE_URL)) || isSet(config.apply(JDBC_URL))) {
            return Optional.empty();
        }
        if ("false".equalsIgnoreCase(trimmed(config.apply(ENABLED)))) {
            return Optional.empty();
        }
        Path dataDir = dataDirectory(config.apply(DATA_DIR), userHome);
        boolean throwAway = throwAway(config.apply(THROW_AWAY), profiles, config.apply(RECORDING_CLASS_ARCHIVE));
        return Optional.of(new EmbeddedSettings(
                throwAway ? Optional.empty() : Optional.of(dataDir),
                binariesNextTo(dataDir),
                port(config.apply(PORT))));
    }

    static Path defaultDataDirectory(String userHome) {
        return Path.of(userHome, ".kyc-events", "pgdata");
    }

    private static Path dataDirectory(String configured, String userHome) {
        Path dir = isSet(configured) ? Path.of(configured.trim()) : defaultDataDirectory(userHome);
        return dir.toAbsolutePath().normalize();
    }

    // Tests must never write into (or lock) the data of a service running on the same machine,
    // so the test profile is throw-away even if application.properties loses its %test line.
    private static boolean throwAway(String configured, List<String> profiles, String recording) {
        if ("true".equalsIgnoreCase(trimmed(recording))) {
            return true;
        }
        if (isSet(configured)) {
            return Boolean.parseBoolean(configured.trim());
        }
        return profiles.contains(TEST_PROFILE);
    }

    private static Path binariesNextTo(Path dataDir) {
        Path parent = dataDir.getParent();
        return parent == null ? dataDir.resolve(BINARIES_DIR_NAME) : parent.resolve(BINARIES_DIR_NAME);
    }

    private static int port(String configured) {
        if (!isSet(configured)) {
            return 0;
        }
        try {
            int port = Integer.parseInt(configured.trim());
            if (port >= 0 && port <= 65535) {
                return port;
            }
        } catch (NumberFormatException e) {
            // reported below with the key's name
        }
        throw new IllegalArgumentException(PORT + " must be a TCP port (0-65535, 0 = any free port), was: "
                + configured);
    }

    private static boolean isSet(String value) {
        return value != null && !value.isBlank();
    }

    private static String trimmed(String value) {
        return value == null ? "" : value.trim();
    }
}
