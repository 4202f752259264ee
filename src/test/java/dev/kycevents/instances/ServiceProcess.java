package dev.kycevents.instances;

import dev.kycevents.support.FreePorts;
import dev.kycevents.support.Webhooks;
import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** One instance of the packaged service, as an operator runs it: its own JVM, configured by environment. */
final class ServiceProcess implements AutoCloseable {

    private final Process process;
    final int port;
    final Path log;

    private ServiceProcess(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    /** The packaged jar the build made (failsafe passes its path). */
    static final Path JAR = Path.of(System.getProperty("service.jar", "target/quarkus-app/quarkus-run.jar"))
            .toAbsolutePath();

    /**
     * {@code java -jar} of the packaged service, run from its directory as the README runs it, with the class
     * archive the build recorded (it names the jar by a relative path, so elsewhere it would not load) and C1 only:
     * these tests start the service several times and run it briefly, so a quick start matters more than peak speed.
     */
    static ProcessBuilder javaJar(Path log, String... jvmOptions) throws IOException {
        Files.createDirectories(log.toAbsolutePath().getParent());
        List<String> command = new ArrayList<>(List.of("java", "-Xmx128m", "-XX:+UseSerialGC",
                "-XX:TieredStopAtLevel=1", "-XX:SharedArchiveFile=app-cds.jsa"));
        command.addAll(List.of(jvmOptions));
        command.addAll(List.of("-jar", JAR.getFileName().toString()));
        return new ProcessBuilder(command).directory(JAR.getParent().toFile())
                .redirectErrorStream(true).redirectOutput(log.toAbsolutePath().toFile());
    }

    static ServiceProcess start(String name, ItDatabase database) throws IOException {
        return start(name, database, Map.of());
    }

    /** As {@link #start(String, ItDatabase)}, with some environment variables set otherwise. */
    static ServiceProcess start(String name, ItDatabase database, Map<String, String> overrides) throws IOException {
        int port = FreePorts.any();
        Path log = Path.of("target", "it-logs", name + ".log");
        ProcessBuilder builder = javaJar(log);
        builder.environment().putAll(Map.of(
                "QUARKUS_HTTP_PORT", String.valueOf(port),
                "QUARKUS_DATASOURCE_REACTIVE_URL", database.reactiveUrl(),
                "QUARKUS_DATASOURCE_JDBC_URL", database.jdbcUrl(),
                "QUARKUS_DATASOURCE_USERNAME", "postgres",
                "RALIO_WEBHOOK_SECRETS", Webhooks.SECRET,
                "MP_JWT_VERIFY_PUBLICKEY_LOCATION", new File("dev/jwt/public.pem").getAbsolutePath(),
                "MP_JWT_VERIFY_ISSUER", "https://kyc-events.dev",
                "RALIO_API_BASE_URL", "http://127.0.0.1:9",
                "RALIO_API_KEY", "not-used-here"));
        builder.environment().putAll(overrides);
        return new ServiceProcess(builder.start(), port, log);
    }

    URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    ServiceProcess awaitReady(Duration timeout) throws Exception {
        return awaitStatus("/q/health/ready", 200, timeout);
    }

    ServiceProcess awaitStatus(String path, int status, Duration timeout) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("instance exited; see " + log);
            }
            try {
                HttpResponse<Void> answer = http.send(HttpRequest.newBuilder(uri(path)).build(),
                        HttpResponse.BodyHandlers.discarding());
                if (answer.statusCode() == status) {
                    return this;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException(path + " never answered " + status + " in " + timeout + "; see " + log);
    }

    /** SIGTERM, as an orchestrator stops a container; returns the exit code. */
    int terminate(Duration timeout) throws InterruptedException {
        process.destroy();
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("instance did not stop within " + timeout);
        }
        return process.exitValue();
    }

    @Override
    public void close() {
        process.destroyForcibly();
    }
}
