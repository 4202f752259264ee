package dev.kycevents.instances;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kycevents.support.FreePorts;
import dev.kycevents.support.Webhooks;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The packaged service as an operator starts it: what it does with a wrong or incomplete configuration. */
class StartupChecksIT {

    private static final Path LOGS = Path.of("target", "it-logs");
    /** The archive with everything a start loads was about 18 MB; one cut short by a failed start, 14 MB. */
    private static final long FULL_ARCHIVE_FLOOR = 16_000_000;

    @Test
    void with_nothing_configured_it_names_every_missing_setting_once_and_starts_nothing() throws Exception {
        Path home = Files.createTempDirectory("kyc-it-home-");
        Path log = LOGS.resolve("nothing-configured.log");
        ProcessBuilder builder = ServiceProcess.javaJar(log);
        builder.environment().keySet().removeIf(name -> name.startsWith("RALIO_") || name.startsWith("MP_JWT_")
                || name.startsWith("QUARKUS_") || name.startsWith("KYC_"));
        builder.environment().put("HOME", home.toString());
        builder.command().add(1, "-Duser.home=" + home);

        int exit = run(builder, Duration.ofSeconds(60));

        String output = Files.readString(log);
        assertNotEquals(0, exit, output);
        for (String variable : new String[] {"RALIO_WEBHOOK_SECRETS", "RALIO_API_BASE_URL", "RALIO_API_KEY",
                "MP_JWT_VERIFY_PUBLICKEY_LOCATION", "MP_JWT_VERIFY_ISSUER"}) {
            assertEquals(1, count(output, variable + " is not set"), variable + " once in:\n" + output);
        }
        assertFalse(output.contains("\tat "), "no stack trace:\n" + output);
        assertFalse(output.contains("Embedded PostgreSQL"), "nothing started:\n" + output);
        assertFalse(Files.exists(home.resolve(".kyc-events")), "nothing written");
    }

    @Test
    void a_key_file_that_cannot_be_read_is_named_and_nothing_starts() throws Exception {
        Path log = LOGS.resolve("unreadable-key.log");
        ProcessBuilder builder = ServiceProcess.javaJar(log);
        builder.environment().putAll(configured("keys/missing-public.pem", FreePorts.any()));

        int exit = run(builder, Duration.ofSeconds(60));

        String output = Files.readString(log);
        assertNotEquals(0, exit, output);
        assertTrue(output.contains("MP_JWT_VERIFY_PUBLICKEY_LOCATION: cannot read keys/missing-public.pem"), output);
        assertFalse(output.contains("\tat "), "no stack trace:\n" + output);
        assertFalse(output.contains("Embedded PostgreSQL"), "nothing started:\n" + output);
    }

    @Test
    void the_build_recorded_a_full_class_archive_and_recording_one_never_touches_the_users_data() throws Exception {
        Path built = ServiceProcess.JAR.resolveSibling("app-cds.jsa");
        assertTrue(Files.size(built) > FULL_ARCHIVE_FLOOR, built + " is only " + Files.size(built) + " bytes");

        // What package does to record it, with the user's data directory somewhere we can watch.
        Path userData = Path.of(System.getProperty("user.home"), ".kyc-events", "pgdata-it-" + UUID.randomUUID());
        Path archive = Files.createTempDirectory("kyc-it-cds-").resolve("app-cds.jsa");
        Path log = LOGS.resolve("appcds.log");
        // C1 only, as the other starts here: the archive holds loaded classes, not compiled code.
        ProcessBuilder builder = java(log, "-XX:TieredStopAtLevel=1", "-XX:ArchiveClassesAtExit=" + archive,
                "-Dquarkus.appcds.generate=true", "-jar", ServiceProcess.JAR.toString());
        builder.environment().put("KYC_EMBEDDED_DATA_DIR", userData.toString());

        // Like the build's, this start ends early (no operator settings there); the archive is written at exit.
        run(builder, Duration.ofSeconds(120));

        assertFalse(Files.exists(userData), "the user's data directory was touched: " + userData);
        assertTrue(Files.size(archive) > FULL_ARCHIVE_FLOOR, archive + " is only " + Files.size(archive) + " bytes; see " + log);
    }

    private static Map<String, String> configured(String keyLocation, int port) {
        return Map.of(
                "QUARKUS_HTTP_PORT", String.valueOf(port),
                "RALIO_WEBHOOK_SECRETS", Webhooks.SECRET,
                "MP_JWT_VERIFY_PUBLICKEY_LOCATION", keyLocation,
                "MP_JWT_VERIFY_ISSUER", "https://kyc-events.dev",
                "RALIO_API_BASE_URL", "http://127.0.0.1:9",
                "RALIO_API_KEY", "not-used-here");
    }

    private static ProcessBuilder java(Path log, String... args) throws IOException {
        Files.createDirectories(log.getParent());
        ProcessBuilder builder = new ProcessBuilder("java", "-Xmx128m", "-XX:+UseSerialGC")
                .redirectErrorStream(true).redirectOutput(log.toFile());
        builder.command().addAll(java.util.List.of(args));
        return builder;
    }

    private static int run(ProcessBuilder builder, Duration timeout) throws Exception {
        Process process = builder.start();
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("still running after " + timeout);
        }
        return process.exitValue();
    }

    private static int count(String text, String part) {
        return text.split(java.util.regex.Pattern.quote(part), -1).length - 1;
    }

}
