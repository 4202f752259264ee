package dev.kycevents.embedded;

import java.nio.file.Path;
import java.util.Optional;

/**
 * How to run the embedded PostgreSQL.
 *
 * @param dataDirectory     where the data lives; empty for a throw-away directory removed at JVM exit
 * @param binariesDirectory where zonky unpacks the PostgreSQL binaries (kept, so later starts skip unpacking)
 * @param port              TCP port, 0 for any free port
 */
public record EmbeddedSettings(Optional<Path> dataDirectory, Path binariesDirectory, int port) {

    public boolean throwAway() {
        return dataDirectory.isEmpty();
    }
}
