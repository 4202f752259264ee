import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Base64;
import java.util.Deque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Checks an NDJSON export of the KYC event log (GET /audit/export) with nothing but a JDK:
 *
 *   java tools/VerifyExport.java kyc-events.ndjson
 *   curl -H "Authorization: Bearer $TOKEN" https://kyc.example/audit/export | java tools/VerifyExport.java -
 *
 * It recomputes every hash as the README ("For auditors") documents it, independently of the service's code:
 * SHA-256 over the previous hash, the header text and the decoded raw body. It checks that positions follow each
 * other without gaps and that each prevHash is the hash of the line before. The hash covers the raw body only, so it
 * also checks, as GET /audit/verify does, that each payload is the JSON of its raw body: the same members and
 * values, in any key order and spacing, numbers compared by value (jsonb prints 1e2 as 100).
 * Hash version 2 (retention) covers the body's SHA-256 digest instead: a line whose body was erased verifies by
 * its digest in version 2 and only by its links in version 1, its payload is not compared, and it must be covered by
 * a later kyc_user_erased event of its user.
 *
 * Prints "OK <n> events, last position P, last hash H" and exits 0, or names the first broken position and why and
 * exits 1. Exits 2 when the file cannot be read. Memory: one line at a time.
 */
public class VerifyExport {

    static final int OK = 0;
    static final int BROKEN = 1;
    static final int UNREADABLE = 2;

    public static void main(String[] args) {
        System.exit(run(args, System.out));
    }

    /** The whole program, without System.exit, so it can be called from a test. */
    static int run(String[] args, PrintStream out) {
        if (args.length != 1) {
            out.println("usage: java tools/VerifyExport.java <export.ndjson | ->");
            return UNREADABLE;
        }
        try (BufferedReader lines = open(args[0])) {
            return new Chain(out).check(lines);
        } catch (CharacterCodingException e) {
            out.println("BROKEN: the export is not valid UTF-8");
            return BROKEN;
        } catch (IOException e) {
            out.println("cannot read " + args[0] + ": " + e.getMessage());
            return UNREADABLE;
        }
    }

    // Malformed UTF-8 is an error, never silently replaced: the lines must be read as they were written.
    private static BufferedReader open(String name) throws IOException {
        if (name.equals("-")) {
            return new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)));
        }
        return Files.newBufferedReader(Path.of(name), StandardCharsets.UTF_8);
    }

    /** Walks the lines in order, keeping only the previous position and hash. */
    static final class Chain {

        private static final byte[] GENESIS = new byte[32];

        private final PrintStream out;
        private final Erasures erasures = new Erasures();
        private long count;
        private long lastPosition;
        private byte[] lastHash = GENESIS;

        Chain(PrintStream out) {
            this.out = out;
        }

        int check(BufferedReader lines) throws IOException {
            long lineNumber = 0;
            Long anchoredAt = null;
            for (String text = lines.readLine(); text != null; text = lines.readLine()) {
                lineNumber++;
                if (text.isBlank()) {
                    continue;
                }
                Line line;
                try {
                    line = Line.of(Json.parse(text));
                } catch (IllegalArgumentException e) {
                    out.println("BROKEN at line " + lineNumber + ": " + e.getMessage());
                    return BROKEN;
                }
                if (count == 0 && line.position() != 1) {
                    // A range: nothing in the file says what came before it.
                    anchoredAt = line.position() - 1;
                    lastPosition = anchoredAt;
                    lastHash = line.prevHash();
                }
                String problem = problemWith(line);
                if (problem != null) {
                    out.println("BROKEN at position " + line.position() + " (line " + lineNumber + "): " + problem);
                    return BROKEN;
                }
                count++;
                lastPosition = line.position();
                lastHash = line.hash();
                erasures.accept(line);
            }
            String unrecorded = erasures.unrecorded();
            if (unrecorded != null) {
                out.println("BROKEN at position " + unrecorded);
                return BROKEN;
            }
            out.println("OK " + count + " events, last position " + lastPosition + ", last hash "
                    + HexFormat.of().formatHex(lastHash));
            if (anchoredAt != null) {
                out.println("note: the export starts after position " + anchoredAt + "; its first prevHash was taken"
                        + " as given: compare it with the hash of position " + anchoredAt + " from a trusted copy");
            }
            return OK;
        }

        // The same order as the service's verifier: gap, link, then content.
        private String problemWith(Line line) {
            if (line.position() != lastPosition + 1) {
                return "expected position " + (lastPosition + 1) + ", found " + line.position();
            }
            if (!Arrays.equals(line.prevHash(), lastHash)) {
                return lastPosition == 0 ? "prevHash of position 1 is not 32 zero bytes"
                        : "prevHash is not the hash of position " + lastPosition;
            }
            byte[] recomputed = line.recomputedHash();
            // null: an erased version 1 line, whose hash covered the body; only its links still prove it.
            if (recomputed != null && !Arrays.equals(recomputed, line.hash())) {
                return "hash does not match the line's content";
            }
            if (line.rawBody() != null && line.bodyDigest() != null
                    && !Arrays.equals(sha256(line.rawBody()), line.bodyDigest())) {
                return "bodyDigest is not the SHA-256 of rawBody";
            }
            if (line.rawBody() != null && !line.payloadIsRawBody()) {
                return "payload is not the JSON of rawBody";
            }
            return null;
        }
    }

    /**
     * Erased lines waiting for the kyc_user_erased event that records their erasure: each user's erased positions,
     * until an erasure event of the user with throughPosition at or past them.
     */
    static final class Erasures {

        private static final String ERASED_TYPE = "kyc_user_erased";
        private static final Pattern THROUGH = Pattern.compile("\"throughPosition\"\\s*:\\s*([0-9]{1,18})");

        private final Map<String, Deque<Long>> waiting = new HashMap<>();

        void accept(Line line) {
            if (line.rawBody() == null) {
                waiting.computeIfAbsent(line.userId(), u -> new ArrayDeque<>()).add(line.position());
            } else if (line.type().equals(ERASED_TYPE)) {
                java.util.regex.Matcher through = THROUGH.matcher(new String(line.rawBody(), StandardCharsets.UTF_8));
                Deque<Long> positions = waiting.get(line.userId());
                if (through.find() && positions != null) {
                    long last = Long.parseLong(through.group(1));
                    positions.removeIf(p -> p <= last);
                    if (positions.isEmpty()) {
                        waiting.remove(line.userId());
                    }
                }
            }
        }

        /** The first erased position no erasure event covers, with why; null when every erasure is recorded. */
        String unrecorded() {
            return waiting.values().stream().map(Deque::peekFirst).min(Long::compare)
                    .map(p -> p + ": its body was erased, but no later kyc_user_erased event of its user covers it"
                            + " (an erasure outside the erasure path, or an export cut before the erasure event)")
                    .orElse(null);
        }
    }

    static byte[] sha256(byte[]... parts) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            for (byte[] part : parts) {
                sha256.update(part);
            }
            return sha256.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    /**
     * The fields of one export line that the hash covers, checked for form. rawBody is null once erased; bodyDigest
     * is there in hash version 2 and on erased lines; payload is null once erased.
     */
    record Line(long position, String eventId, String type, String userId, String sessionId, long occurredAtMicros,
                long recordedAtMicros, String source, String contentType, byte[] rawBody, byte[] hash,
                byte[] prevHash, int hashVersion, byte[] bodyDigest, Object payload) {

        private static final Pattern UUID = Pattern.compile(
                "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
        private static final Pattern HASH = Pattern.compile("[0-9a-f]{64}");
        private static final Pattern POSITION = Pattern.compile("[1-9][0-9]{0,17}");

        static Line of(Map<String, Object> fields) {
            Line line = new Line(position(fields), uuid(fields, "eventId"), text(fields, "type"), uuid(fields, "userId"),
                    fields.get("sessionId") == Json.NULL ? null : uuid(fields, "sessionId"),
                    micros(fields, "occurredAt"), micros(fields, "recordedAt"), text(fields, "source"),
                    text(fields, "contentType"), nullable(fields, "rawBody") ? null : base64(fields, "rawBody"),
                    hash(fields, "hash"), hash(fields, "prevHash"), hashVersion(fields),
                    nullable(fields, "bodyDigest") ? null : hash(fields, "bodyDigest"),
                    nullable(fields, "rawBody") ? null : field(fields, "payload"));
            if (line.rawBody() == null && line.bodyDigest() == null) {
                throw new IllegalArgumentException("an erased line must keep its bodyDigest");
            }
            if (line.hashVersion() == 2 && line.bodyDigest() == null) {
                throw new IllegalArgumentException("a hash version 2 line must have a bodyDigest");
            }
            return line;
        }

        private static boolean nullable(Map<String, Object> fields, String name) {
            Object value = fields.get(name);
            return value == null || value == Json.NULL;
        }

        // Exports written before hash version 2 have no hashVersion field: they are all version 1.
        private static int hashVersion(Map<String, Object> fields) {
            Object value = fields.get("hashVersion");
            if (value == null) {
                return 1;
            }
            if (!(value instanceof Json.Number) || !(((Json.Number) value).text().equals("1")
                    || ((Json.Number) value).text().equals("2"))) {
                throw new IllegalArgumentException("hashVersion is not 1 or 2");
            }
            return Integer.parseInt(((Json.Number) value).text());
        }

        /** The raw body, read as strict UTF-8 JSON, has the payload's members and values. */
        boolean payloadIsRawBody() {
            try {
                String body = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(rawBody)).toString();
                return Json.sameValue(payload, Json.parseValue(body));
            } catch (CharacterCodingException | IllegalArgumentException e) {
                return false;
            }
        }

        /**
         * SHA-256(prevHash || header || raw body), the header being the UTF-8 text
         * kyc-event-v1\n position\n eventId\n type\n userId\n sessionId or empty\n occurredAt µs\n recordedAt µs\n
         * source\n contentType\n raw body length\n (README, "For auditors").
         */
        byte[] recomputedHash() {
            if (hashVersion == 2) {
                return recomputedHashV2();
            }
            if (rawBody == null) {
                return null;
            }
            String header = "kyc-event-v1\n" + fields() + rawBody.length + "\n";
            return sha256(prevHash, header.getBytes(StandardCharsets.UTF_8), rawBody);
        }

        /**
         * Hash version 2: SHA-256(prevHash || header || bodyDigest), the header being the UTF-8 text
         * kyc-event-v2\n position\n eventId\n type\n userId\n sessionId or empty\n occurredAt µs\n recordedAt µs\n
         * source\n contentType\n and bodyDigest the 32 bytes of SHA-256(raw body).
         */
        byte[] recomputedHashV2() {
            String header = "kyc-event-v2\n" + fields();
            return sha256(prevHash, header.getBytes(StandardCharsets.UTF_8), bodyDigest);
        }

        // The header lines both versions share, after the version line.
        private String fields() {
            return position + "\n" + eventId + "\n" + type + "\n" + userId + "\n" + (sessionId == null ? "" : sessionId)
                    + "\n" + occurredAtMicros + "\n" + recordedAtMicros + "\n" + source + "\n" + contentType + "\n";
        }

        private static Object field(Map<String, Object> fields, String name) {
            Object value = fields.get(name);
            if (value == null) {
                throw new IllegalArgumentException("no field " + name);
            }
            return value;
        }

        private static String text(Map<String, Object> fields, String name) {
            Object value = field(fields, name);
            if (!(value instanceof String)) {
                throw new IllegalArgumentException(name + " is not a string");
            }
            return (String) value;
        }

        private static long position(Map<String, Object> fields) {
            Object value = field(fields, "position");
            if (!(value instanceof Json.Number) || !POSITION.matcher(((Json.Number) value).text()).matches()) {
                throw new IllegalArgumentException("position is not a whole number from 1");
            }
            return Long.parseLong(((Json.Number) value).text());
        }

        // The header holds the canonical lowercase spelling, as the service writes it.
        private static String uuid(Map<String, Object> fields, String name) {
            String value = text(fields, name);
            if (!UUID.matcher(value).matches()) {
                throw new IllegalArgumentException(name + " is not a lowercase UUID");
            }
            return value;
        }

        private static long micros(Map<String, Object> fields, String name) {
            Instant instant;
            try {
                instant = Instant.parse(text(fields, name));
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException(name + " is not an ISO-8601 instant");
            }
            // Floor division keeps instants before 1970 right; stored instants have no digits below µs.
            return Math.addExact(Math.multiplyExact(instant.getEpochSecond(), 1_000_000L), instant.getNano() / 1000);
        }

        private static byte[] base64(Map<String, Object> fields, String name) {
            try {
                return Base64.getDecoder().decode(text(fields, name));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(name + " is not base64");
            }
        }

        private static byte[] hash(Map<String, Object> fields, String name) {
            String value = text(fields, name);
            if (!HASH.matcher(value).matches()) {
                throw new IllegalArgumentException(name + " is not 64 lowercase hex digits");
            }
            return HexFormat.of().parseHex(value);
        }
    }

    /**
     * A small strict JSON reader: objects become maps (a name twice is an error), arrays lists, numbers {@link Number}
     * as written, strings, booleans and {@link #NULL}. Enough for the export's lines and the raw bodies in them, and
     * short enough that an auditor can read all of it.
     */
    static final class Json {

        /** JSON null, which a map cannot hold as a value. */
        static final Object NULL = new Object();

        /** Deeper than any body the service accepts (32), shallow enough for the stack. */
        private static final int MAX_DEPTH = 512;

        /** A number as written, so nothing is rounded on the way. */
        record Number(String text) {
        }

        private static final Pattern HEX4 = Pattern.compile("[0-9a-fA-F]{4}");
        private static final Pattern NUMBER = Pattern.compile("-?(0|[1-9][0-9]*)(\\.[0-9]+)?([eE][+-]?[0-9]+)?");

        private final String json;
        private int at;
        private int depth;

        private Json(String json) {
            this.json = json;
        }

        /** One export line: a JSON object and nothing after it. */
        static Map<String, Object> parse(String line) {
            Json reader = new Json(line);
            reader.space();
            Map<String, Object> fields = reader.object();
            reader.end();
            return fields;
        }

        /** One JSON document of any kind, and nothing after it. */
        static Object parseValue(String text) {
            Json reader = new Json(text);
            reader.space();
            Object value = reader.value();
            reader.end();
            return value;
        }

        /** Equal as JSON: members in any order, numbers by value ({@code 1e2} is {@code 100}). */
        static boolean sameValue(Object a, Object b) {
            if (a instanceof Number && b instanceof Number) {
                return decimal((Number) a).compareTo(decimal((Number) b)) == 0;
            }
            if (a instanceof Map && b instanceof Map) {
                Map<?, ?> x = (Map<?, ?>) a;
                Map<?, ?> y = (Map<?, ?>) b;
                if (!x.keySet().equals(y.keySet())) {
                    return false;
                }
                for (Map.Entry<?, ?> member : x.entrySet()) {
                    if (!sameValue(member.getValue(), y.get(member.getKey()))) {
                        return false;
                    }
                }
                return true;
            }
            if (a instanceof List && b instanceof List) {
                List<?> x = (List<?>) a;
                List<?> y = (List<?>) b;
                if (x.size() != y.size()) {
                    return false;
                }
                for (int i = 0; i < x.size(); i++) {
                    if (!sameValue(x.get(i), y.get(i))) {
                        return false;
                    }
                }
                return true;
            }
            return a.equals(b); // strings, booleans, NULL
        }

        private static BigDecimal decimal(Number number) {
            try {
                return new BigDecimal(number.text());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("a number beyond reading: " + number.text());
            }
        }

        private void end() {
            space();
            if (at != json.length()) {
                throw error("text after the value");
            }
        }

        private Map<String, Object> object() {
            expect('{');
            nest();
            Map<String, Object> fields = new LinkedHashMap<>();
            space();
            if (peek() == '}') {
                at++;
                depth--;
                return fields;
            }
            while (true) {
                space();
                String name = string();
                space();
                expect(':');
                space();
                if (fields.put(name, value()) != null) {
                    throw error("field " + name + " twice");
                }
                space();
                char next = next();
                if (next == '}') {
                    depth--;
                    return fields;
                }
                if (next != ',') {
                    throw error("expected , or }");
                }
            }
        }

        private List<Object> array() {
            expect('[');
            nest();
            List<Object> items = new ArrayList<>();
            space();
            if (peek() == ']') {
                at++;
                depth--;
                return items;
            }
            while (true) {
                space();
                items.add(value());
                space();
                char next = next();
                if (next == ']') {
                    depth--;
                    return items;
                }
                if (next != ',') {
                    throw error("expected , or ]");
                }
            }
        }

        private void nest() {
            if (++depth > MAX_DEPTH) {
                throw error("nested deeper than " + MAX_DEPTH);
            }
        }

        private Object value() {
            char c = peek();
            if (c == '"') {
                return string();
            }
            if (c == '{') {
                return object();
            }
            if (c == '[') {
                return array();
            }
            if (json.startsWith("null", at)) {
                at += 4;
                return NULL;
            }
            if (json.startsWith("true", at)) {
                at += 4;
                return Boolean.TRUE;
            }
            if (json.startsWith("false", at)) {
                at += 5;
                return Boolean.FALSE;
            }
            int start = at;
            while (at < json.length() && "+-.0123456789eE".indexOf(json.charAt(at)) >= 0) {
                at++;
            }
            String number = json.substring(start, at);
            if (!NUMBER.matcher(number).matches()) {
                throw error("not a JSON value");
            }
            return new Number(number);
        }

        private String string() {
            expect('"');
            StringBuilder text = new StringBuilder();
            while (true) {
                char c = next();
                if (c == '"') {
                    return text.toString();
                }
                if (c < 0x20) {
                    throw error("control character in a string");
                }
                if (c != '\\') {
                    text.append(c);
                    continue;
                }
                char escaped = next();
                switch (escaped) {
                    case '"': case '\\': case '/': text.append(escaped); break;
                    case 'b': text.append('\b'); break;
                    case 'f': text.append('\f'); break;
                    case 'n': text.append('\n'); break;
                    case 'r': text.append('\r'); break;
                    case 't': text.append('\t'); break;
                    case 'u': text.append(unicode()); break;
                    default: throw error("bad escape \\" + escaped);
                }
            }
        }

        private char unicode() {
            if (at + 4 > json.length()) {
                throw error("short \\u escape");
            }
            String hex = json.substring(at, at + 4);
            if (!HEX4.matcher(hex).matches()) {
                throw error("bad \\u escape");
            }
            at += 4;
            return (char) Integer.parseInt(hex, 16);
        }

        private void space() {
            while (at < json.length() && " \t\r\n".indexOf(json.charAt(at)) >= 0) {
                at++;
            }
        }

        private char peek() {
            if (at >= json.length()) {
                throw error("unexpected end of line");
            }
            return json.charAt(at);
        }

        private char next() {
            char c = peek();
            at++;
            return c;
        }

        private void expect(char c) {
            if (next() != c) {
                throw error("expected " + c);
            }
        }

        private IllegalArgumentException error(String why) {
            return new IllegalArgumentException("not an export line: " + why + " at column " + (at + 1));
        }
    }
}
