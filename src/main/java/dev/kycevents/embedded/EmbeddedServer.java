package dev.kycevents.embedded;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * A running embedded PostgreSQL, as far as clients need to know it.
 * Local connections are trusted, so there is no password.
 */
public record EmbeddedServer(int port, Path dataDirectory) {

    public static final String USERNAME = "postgres";
    static final String DATABASE = "postgres";

    public String jdbcUrl() {
        return "jdbc:postgresql://localhost:" + port + "/" + DATABASE;
    }

    public String reactiveUrl() {
        return "postgresql://localhost:" + port + "/" + DATABASE;
    }

    public Map<String, String> connectionProperties() {
        return Map.of(
                EmbeddedDatabaseDecision.REACTIVE_URL, reactiveUrl(),
                EmbeddedDatabaseDecision.JDBC_URL, jdbcUrl(),
                "quarkus.datasource.username", USERNAME);
    }

    /** A string form, because only strings can be shared through system properties. */
    String encode() {
        return port + "|" + dataDirectory;
    }

    static Optional<EmbeddedServer> decode(String encoded) {
        if (encoded == null) {
            return Optional.empty();
        }
        int bar = encoded.indexOf('|');
        if (bar <= 0) {
            return Optional.empty();
        }
        try {
            int port = Integer.parseInt(encoded.substring(0, bar));
            return Optional.of(new EmbeddedServer(port, Path.of(encoded.substring(bar + 1))));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
