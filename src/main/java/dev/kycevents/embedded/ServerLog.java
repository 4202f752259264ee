package dev.kycevents.embedded;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * The file that initdb, pg_ctl and the server write to. It is appended to across starts, so it
 * remembers where this start began in order to quote only this start's output after a failure.
 */
record ServerLog(Path file, long startOffset) {

    private static final int MAX_QUOTED_LINES = 10;
    private static final int MAX_QUOTED_BYTES = 64 * 1024;

    static ServerLog openAt(Path file) {
        try {
            return new ServerLog(file, Files.exists(file) ? Files.size(file) : 0);
        } catch (IOException e) {
            return new ServerLog(file, 0);
        }
    }

    /** The last lines written since this start began, or "" if there are none. */
    String tailSinceStart() {
        try (RandomAccessFile in = new RandomAccessFile(file.toFile(), "r")) {
            long from = Math.max(startOffset, in.length() - MAX_QUOTED_BYTES);
            byte[] bytes = new byte[(int) Math.max(0, in.length() - from)];
            in.seek(from);
            in.readFully(bytes);
            List<String> lines = Arrays.stream(new String(bytes, StandardCharsets.UTF_8).split("\n"))
                    .map(String::strip).filter(line -> !line.isEmpty()).toList();
            return String.join(" | ", lines.subList(Math.max(0, lines.size() - MAX_QUOTED_LINES), lines.size()));
        } catch (IOException e) {
            return "";
        }
    }
}
