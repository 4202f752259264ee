package dev.kycevents.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kycevents.store.HashChain;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * tools/VerifyExport.java, the auditor's offline check, on export lines written here exactly as the export writes
 * them (ExportLine's fields, in order) with hashes from HashChain: the tool's own hashing must agree with the
 * service's, and must catch what was changed.
 */
class VerifyExportTest {

    static final Path TOOL = Path.of("tools/VerifyExport.java");
    static final ObjectMapper JSON = new ObjectMapper();
    static final UUID USER = UUID.fromString("550e8400-e29b-41d4-a716-446655440001");
    static final UUID SESSION = UUID.fromString("550e8400-e29b-41d4-a716-446655440002");
    static final Instant T1 = Instant.parse("2025-06-19T17:14:13.123456Z");

    static Method run;

    @TempDir
    Path dir;

    /** Compiles the tool as an auditor's JDK would, and finds its entry point that returns the exit code. */
    @BeforeAll
    static void compileTheTool(@TempDir Path classes) throws Exception {
        int status = ToolProvider.getSystemJavaCompiler()
                .run(null, null, null, "-d", classes.toString(), TOOL.toString());
        assertEquals(0, status, "javac " + TOOL);
        URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()}, null);
        run = loader.loadClass("VerifyExport").getDeclaredMethod("run", String[].class, PrintStream.class);
        run.setAccessible(true);
    }

    /** One event as the service stores it: its raw body, the payload jsonb would print, and its chained hash. */
    record Event(long position, UUID eventId, String type, UUID sessionId, Instant occurredAt, Instant recordedAt,
                 String payload, byte[] rawBody, byte[] prevHash) {

        byte[] hash() {
            return HashChain.hash(prevHash, position, eventId, type, USER, sessionId, occurredAt, recordedAt,
                    "ralio-webhook", "application/json", rawBody);
        }

        /** The NDJSON line, field for field as ExportLine is written. */
        String line() throws IOException {
            ObjectNode line = JSON.createObjectNode();
            line.put("position", position);
            line.put("eventId", eventId.toString());
            line.put("type", type);
            line.put("userId", USER.toString());
            line.put("sessionId", sessionId == null ? null : sessionId.toString());
            line.put("occurredAt", occurredAt.toString());
            line.put("recordedAt", recordedAt.toString());
            line.put("source", "ralio-webhook");
            line.put("contentType", "application/json");
            line.set("payload", JSON.readTree(payload));
            line.put("rawBody", Base64.getEncoder().encodeToString(rawBody));
            line.put("hash", HashChain.hex(hash()));
            line.put("prevHash", HashChain.hex(prevHash));
            return JSON.writeValueAsString(line);
        }

        Event withType(String other) {
            return new Event(position, eventId, other, sessionId, occurredAt, recordedAt, payload, rawBody, prevHash);
        }
    }

    /**
     * A chained log of four events whose payloads hold what a naive reader trips on: braces, brackets and quotes
     * inside strings, escapes, non-ASCII text; and one event without a session.
     */
    static List<Event> log(int firstPosition, byte[] prevHash) {
        String[] types = {"kyc_session_manual_review", "kyc_state_updated", "kyc_document_uploaded",
                "kyc_session_failed"};
        List<Event> events = new ArrayList<>();
        byte[] prev = prevHash;
        for (int i = 0; i < types.length; i++) {
            UUID id = new UUID(0xE4B0L, firstPosition + i);
            UUID session = types[i].equals("kyc_state_updated") ? null : SESSION;
            String body = "{\"id\":\"" + id + "\",\"event\":\"" + types[i] + "\",\"timestamp\":\""
                    + T1.plusSeconds(i) + "\",\"data\":{\"userId\":\"" + USER + "\",\"note\":\"a } and ] in \\\"text\\\""
                    + " \\u00e9t\u00e9 [{\",\"checks\":[{\"type\":\"face-matching\",\"reasons\":[]}]}}";
            Event event = new Event(firstPosition + i, id, types[i], session, T1.plusSeconds(i),
                    T1.plusSeconds(i).plusMillis(250), body, body.getBytes(StandardCharsets.UTF_8), prev);
            events.add(event);
            prev = event.hash();
        }
        return events;
    }

    Path write(List<String> lines) throws IOException {
        Path file = dir.resolve("export.ndjson");
        Files.writeString(file, String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
        return file;
    }

    static List<String> lines(List<Event> events) throws IOException {
        List<String> lines = new ArrayList<>();
        for (Event event : events) {
            lines.add(event.line());
        }
        return lines;
    }

    record Outcome(int exitCode, String output) {
    }

    static Outcome verify(Path file) throws Exception {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        int code = (int) run.invoke(null, new String[] {file.toString()},
                new PrintStream(printed, true, StandardCharsets.UTF_8));
        return new Outcome(code, printed.toString(StandardCharsets.UTF_8));
    }

    @Test
    void an_intact_export_is_ok_with_its_last_position_and_hash() throws Exception {
        List<Event> events = log(1, HashChain.GENESIS);

        Outcome outcome = verify(write(lines(events)));

        assertEquals(0, outcome.exitCode(), outcome.output());
        assertEquals("OK 4 events, last position 4, last hash " + HashChain.hex(events.get(3).hash()),
                outcome.output().strip());
    }

    @Test
    void a_changed_raw_body_breaks_the_hash_of_its_line() throws Exception {
        List<String> lines = lines(log(1, HashChain.GENESIS));
        String forged = new String(Base64.getDecoder().decode(JSON.readTree(lines.get(2)).get("rawBody").asText()),
                StandardCharsets.UTF_8).replace("face-matching", "document-check");
        ObjectNode line = (ObjectNode) JSON.readTree(lines.get(2));
        line.put("rawBody", Base64.getEncoder().encodeToString(forged.getBytes(StandardCharsets.UTF_8)));
        lines.set(2, JSON.writeValueAsString(line));

        Outcome outcome = verify(write(lines));

        assertEquals(1, outcome.exitCode(), outcome.output());
        assertEquals("BROKEN at position 3 (line 3): hash does not match the line's content", outcome.output().strip());
    }

    @Test
    void an_edited_payload_is_reported_although_every_hash_holds() throws Exception {
        List<String> lines = lines(log(1, HashChain.GENESIS));
        ObjectNode line = (ObjectNode) JSON.readTree(lines.get(2));
        ObjectNode check = (ObjectNode) line.get("payload").get("data").get("checks").get(0);
        check.put("type", "document-check");
        lines.set(2, JSON.writeValueAsString(line));

        Outcome outcome = verify(write(lines));

        assertEquals(1, outcome.exitCode(), outcome.output());
        assertEquals("BROKEN at position 3 (line 3): payload is not the JSON of rawBody", outcome.output().strip());
    }

    @Test
    void a_payload_is_the_json_of_its_raw_body_in_any_key_order_spacing_and_spelling_of_numbers() throws Exception {
        UUID id = UUID.randomUUID();
        String body = "{\"id\":\"" + id + "\",\"event\":\"kyc_note\",\"timestamp\":\"" + T1 + "\",\"data\":{\"userId\":\""
                + USER + "\",\"score\":1e2,\"ratio\":0.50,\"tiny\":-1.5E-3,\"name\":\"\\u00e9t\\u00e9\",\"list\":[1,{}]}}";
        // As jsonb prints it: keys by length then name, a space after colons and commas, numbers in full.
        String payload = "{\"id\": \"" + id + "\", \"data\": {\"list\": [1, {}], \"name\": \"\u00e9t\u00e9\", "
                + "\"tiny\": -0.0015, \"ratio\": 0.50, \"score\": 100, \"userId\": \"" + USER + "\"}, \"event\": "
                + "\"kyc_note\", \"timestamp\": \"" + T1 + "\"}";
        Event event = new Event(1, id, "kyc_note", null, T1, T1, payload, body.getBytes(StandardCharsets.UTF_8),
                HashChain.GENESIS);
        assertEquals(0, verify(write(List.of(event.line()))).exitCode());

        for (String edited : List.of(payload.replace("100", "101"), payload.replace("[1, {}]", "[{}, 1]"),
                payload.replace("\"tiny\": -0.0015, ", ""), payload.replace("0.50", "\"0.50\""))) {
            Event forged = new Event(1, id, "kyc_note", null, T1, T1, edited, body.getBytes(StandardCharsets.UTF_8),
                    HashChain.GENESIS);
            Outcome outcome = verify(write(List.of(forged.line())));
            assertEquals(1, outcome.exitCode(), edited);
            assertTrue(outcome.output().contains("payload is not the JSON of rawBody"), outcome.output());
        }
    }

    @Test
    void a_changed_event_type_breaks_the_hash_of_its_line() throws Exception {
        List<Event> events = log(1, HashChain.GENESIS);
        List<String> lines = lines(events);
        ObjectNode line = (ObjectNode) JSON.readTree(lines.get(3));
        line.put("type", "kyc_session_verified");
        lines.set(3, JSON.writeValueAsString(line));

        Outcome outcome = verify(write(lines));

        assertEquals(1, outcome.exitCode());
        assertTrue(outcome.output().startsWith("BROKEN at position 4 (line 4): hash does not match"), outcome.output());
    }

    @Test
    void a_removed_line_is_a_gap_at_the_line_after_it() throws Exception {
        List<String> lines = lines(log(1, HashChain.GENESIS));
        lines.remove(1);

        Outcome outcome = verify(write(lines));

        assertEquals(1, outcome.exitCode());
        assertEquals("BROKEN at position 3 (line 2): expected position 2, found 3", outcome.output().strip());
    }

    @Test
    void a_line_forged_with_a_fresh_hash_is_caught_by_the_next_lines_link() throws Exception {
        List<Event> events = log(1, HashChain.GENESIS);
        List<String> lines = lines(events);
        lines.set(1, events.get(1).withType("kyc_session_verified").line());

        Outcome outcome = verify(write(lines));

        assertEquals(1, outcome.exitCode());
        assertEquals("BROKEN at position 3 (line 3): prevHash is not the hash of position 2", outcome.output().strip());
    }

    @Test
    void an_export_from_position_one_must_start_at_the_genesis_hash() throws Exception {
        List<Event> events = log(1, HashChain.hash(HashChain.GENESIS, 0, USER, "x", USER, null, T1, T1, "x", "x",
                new byte[0]));

        Outcome outcome = verify(write(lines(events)));

        assertEquals(1, outcome.exitCode());
        assertEquals("BROKEN at position 1 (line 1): prevHash of position 1 is not 32 zero bytes",
                outcome.output().strip());
    }

    @Test
    void a_range_is_checked_from_its_first_prev_hash_and_says_that_it_was_taken_as_given() throws Exception {
        List<Event> events = log(41, HashChain.hash(HashChain.GENESIS, 40, USER, "x", USER, null, T1, T1, "x", "x",
                new byte[0]));

        Outcome outcome = verify(write(lines(events)));

        assertEquals(0, outcome.exitCode(), outcome.output());
        assertTrue(outcome.output().startsWith("OK 4 events, last position 44, last hash "
                + HashChain.hex(events.get(3).hash())), outcome.output());
        assertTrue(outcome.output().contains("compare it with the hash of position 40"), outcome.output());
    }

    @Test
    void a_line_that_is_not_an_export_line_is_named_by_its_number() throws Exception {
        List<String> lines = lines(log(1, HashChain.GENESIS));
        for (String bad : List.of("{\"position\":2", "not json", lines.get(1).replace("\"hash\"", "\"hush\""),
                lines.get(1).replace("\"payload\":{", "\"payload\":[{"), lines.get(1) + " {}")) {
            List<String> broken = new ArrayList<>(lines);
            broken.set(1, bad);

            Outcome outcome = verify(write(broken));

            assertEquals(1, outcome.exitCode(), bad);
            assertTrue(outcome.output().startsWith("BROKEN at line 2: "), outcome.output());
        }
    }

    @Test
    void an_empty_export_is_ok_and_ends_at_genesis() throws Exception {
        Outcome outcome = verify(write(List.of()));

        assertEquals(0, outcome.exitCode());
        assertEquals("OK 0 events, last position 0, last hash " + HashChain.hex(HashChain.GENESIS),
                outcome.output().strip());
    }

    /** The command the README gives auditors, as a separate JDK process: its exit code is the verdict. */
    @Test
    void run_with_java_on_the_source_file_it_exits_0_when_intact_and_1_when_broken() throws Exception {
        List<String> lines = lines(log(1, HashChain.GENESIS));
        Path intact = write(lines);
        assertEquals(0, java(intact));

        lines.remove(2);
        assertEquals(1, java(write(lines)));
    }

    static int java(Path export) throws Exception {
        // C1 only, like the test JVM: the launcher compiles the source first, and that is most of a short run.
        Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", TOOL.toString(), export.toString()).redirectErrorStream(true).start();
        process.getInputStream().transferTo(System.out);
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "the tool finished");
        return process.exitValue();
    }
}
