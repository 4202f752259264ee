package dev.kycevents.embedded;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServerLogTest {

    @TempDir
    Path dir;

    @Test
    void quotes_only_what_this_start_wrote() throws IOException {
        Path file = dir.resolve("postgresql.log");
        Files.writeString(file, "old run\n");
        ServerLog log = ServerLog.openAt(file);

        Files.writeString(file, "initdb: error: cannot be run as root\n\nbye\n", StandardOpenOption.APPEND);

        assertEquals("initdb: error: cannot be run as root | bye", log.tailSinceStart());
    }

    @Test
    void a_missing_file_quotes_nothing() {
        assertEquals("", ServerLog.openAt(dir.resolve("absent.log")).tailSinceStart());
    }
}
