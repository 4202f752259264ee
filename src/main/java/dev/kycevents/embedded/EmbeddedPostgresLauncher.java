package dev.kycevents.embedded;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import io.zonky.test.db.postgres.util.LinuxUtils;
import java.io.IOException;
import java.lang.ProcessBuilder.Redirect;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.logging.Level;
import org.jboss.logging.Logger;

/** Starts zonky's embedded PostgreSQL and arranges for it to stop when the JVM exits. */
final class EmbeddedPostgresLauncher {

    private static final Logger LOG = Logger.getLogger(EmbeddedPostgresLauncher.class);
    // How long the server itself may take to accept connections (unpacking and initdb come before);
    // crash recovery on a slow machine needs slack, a server that cannot start fails before this.
    private static final Duration STARTUP_WAIT = Duration.ofSeconds(30);
    static final String LOG_FILE_NAME = "postgresql.log";

    private EmbeddedPostgresLauncher() {
    }

    static EmbeddedServer start(EmbeddedSettings settings) {
        // Before anything is created: zonky itself would only log an error and throw a bare "missing binaries".
        EmbeddedPlatform.current();
        long startedAt = System.nanoTime();
        Optional<Path> throwAwayBase = settings.throwAway() ? Optional.of(createThrowAwayBase()) : Optional.empty();
        Path dataDir = settings.dataDirectory().orElseGet(() -> throwAwayBase.orElseThrow().resolve("pgdata"));
        ServerLog serverLog = ServerLog.openAt(dataDir.resolveSibling(LOG_FILE_NAME));
        EmbeddedPostgres postgres;
        try {
            failFastOnLeftOverServer(dataDir);
            Files.createDirectories(settings.binariesDirectory());
            Files.createDirectories(dataDir.getParent());
            postgres = startQuietly(builder(settings, dataDir, serverLog.file()));
        } catch (IOException | RuntimeException e) {
            EmbeddedStartException failure = new EmbeddedStartException(advice(dataDir, serverLog).message(e), e);
            throwAwayBase.ifPresent(ServerStopper::deleteTree);
            throw failure;
        }
        Runtime.getRuntime().addShutdownHook(
                new Thread(new ServerStopper(postgres, throwAwayBase), "kyc-embedded-postgres-stop"));
        EmbeddedServer server = new EmbeddedServer(postgres.getPort(), dataDir);
        LOG.infof("Embedded PostgreSQL started in %d ms: %s (user %s), data directory %s%s, server log %s",
                Duration.ofNanos(System.nanoTime() - startedAt).toMillis(), server.jdbcUrl(),
                EmbeddedServer.USERNAME, dataDir, throwAwayBase.isPresent() ? " (throw-away)" : "",
                serverLog.file());
        return server;
    }

    private static EmbeddedPostgres.Builder builder(EmbeddedSettings settings, Path dataDir, Path logFile) {
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setDataDirectory(dataDir)
                .setCleanDataDirectory(false)
                .setOverrideWorkingDirectory(settings.binariesDirectory().toFile())
                .setPort(settings.port())
                .setPGStartupWait(STARTUP_WAIT)
                // initdb's and the server's chatter goes to a file instead of the service's log.
                .setOutputRedirector(Redirect.appendTo(logFile.toFile()))
                .setErrorRedirector(Redirect.appendTo(logFile.toFile()))
                // ServerStopper stops it, so the data directory is only deleted after the server is down.
                .setRegisterShutdownHook(false);
        if (!settings.throwAway()) {
            // zonky is tuned for tests (it passes -F, i.e. fsync off); events must survive a crash.
            builder.setServerConfig("fsync", "on").setServerConfig("synchronous_commit", "on");
        }
        return builder;
    }

    // zonky reports each step at INFO; the one line logged above says all a user needs.
    private static EmbeddedPostgres startQuietly(EmbeddedPostgres.Builder builder) throws IOException {
        java.util.logging.Logger zonky = java.util.logging.Logger.getLogger("io.zonky.test.db.postgres");
        Level previous = zonky.getLevel();
        zonky.setLevel(Level.WARNING);
        try {
            return builder.start();
        } finally {
            zonky.setLevel(previous);
        }
    }

    // zonky would only notice after waiting the whole STARTUP_WAIT for a server that cannot start.
    private static void failFastOnLeftOverServer(Path dataDir) {
        if (leftOverServerPid(dataDir).isPresent()) {
            throw new IllegalStateException("its data directory is in use");
        }
    }

    private static Path createThrowAwayBase() {
        try {
            return Files.createTempDirectory("kyc-embedded-");
        } catch (IOException e) {
            throw new EmbeddedStartException("Cannot create a temporary directory for the embedded PostgreSQL: "
                    + e.getMessage(), e);
        }
    }

    private static StartFailureAdvice advice(Path dataDir, ServerLog serverLog) {
        boolean root = runningAsRoot();
        return new StartFailureAdvice(dataDir, root, !root || LinuxUtils.isUnshareAvailable(),
                leftOverServerPid(dataDir), serverLog.file(), serverLog.tailSinceStart());
    }

    private static boolean runningAsRoot() {
        try {
            // /proc/self belongs to the process's effective user.
            return Integer.valueOf(0).equals(Files.getAttribute(Path.of("/proc/self"), "unix:uid"));
        } catch (IOException | RuntimeException e) {
            return "root".equals(System.getProperty("user.name"));
        }
    }

    // A server left running by a JVM that was killed keeps its postmaster.pid, and blocks a new start.
    // The pid must still be a postgres: after a reboot it may belong to anything, and postgres copes.
    private static OptionalLong leftOverServerPid(Path dataDir) {
        try {
            List<String> lines = Files.readAllLines(dataDir.resolve("postmaster.pid"));
            long pid = Long.parseLong(lines.get(0).trim());
            boolean postgres = ProcessHandle.of(pid)
                    .filter(ProcessHandle::isAlive)
                    .flatMap(process -> process.info().command())
                    .filter(command -> command.endsWith("/postgres"))
                    .isPresent();
            return postgres ? OptionalLong.of(pid) : OptionalLong.empty();
        } catch (IOException | RuntimeException e) {
            return OptionalLong.empty();
        }
    }
}
