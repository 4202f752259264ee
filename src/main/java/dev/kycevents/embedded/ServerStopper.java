package dev.kycevents.embedded;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;

/**
 * Shutdown hook: stops the server, then removes a throw-away data directory.
 * One hook does both because the JVM runs separate hooks in no particular order.
 */
final class ServerStopper implements Runnable {

    private final EmbeddedPostgres postgres;
    private final Optional<Path> throwAwayDirectory;

    ServerStopper(EmbeddedPostgres postgres, Optional<Path> throwAwayDirectory) {
        this.postgres = postgres;
        this.throwAwayDirectory = throwAwayDirectory;
    }

    @Override
    public void run() {
        // zonky reports each step of stopping at INFO, "Did not clean up directory" included, on every stop.
        Logger zonky = Logger.getLogger("io.zonky.test.db.postgres");
        zonky.setLevel(Level.WARNING);
        try {
            postgres.close();
        } catch (IOException | RuntimeException e) {
            // Logging may already be shut down at JVM exit.
            System.err.println("Could not stop the embedded PostgreSQL: " + e);
        }
        throwAwayDirectory.ifPresent(ServerStopper::deleteTree);
    }

    static void deleteTree(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(ServerStopper::delete);
        } catch (IOException | UncheckedIOException e) {
            System.err.println("Could not delete the throw-away database directory " + root + ": " + e);
        }
    }

    private static void delete(Path path) {
        try {
            Files.delete(path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
