package dev.kycevents.support;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.AbstractMap.SimpleEntry;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

/**
 * Valid Ralio bodies, then mutated as a hostile or careless sender would: numbers with huge exponents or digits,
 * dates in extreme years or malformed, strings with U+0000, lone surrogates or any unicode, deep nesting, fields of
 * the wrong type, null or missing, names given twice. Written as JSON text, so every spelling reaches the parser.
 * Users and sessions come partly from small pools, so sessions get several events and some bodies bind a session
 * to another user.
 */
public final class MutatedBodies {

    /** A body, its event id if it still has a valid one, and the user and session it was built for. */
    public record Body(String json, UUID eventId, UUID userId, UUID sessionId) {
    }

    static final String[] TYPES = {"kyc_session_verified", "kyc_session_manual_review", "kyc_session_failed",
            "kyc_session_expired", "kyc_state_updated", "kyc_something_new"};

    private final List<UUID> users = new ArrayList<>();
    private final List<UUID> sessions = new ArrayList<>();

    public MutatedBodies(long seed) {
        for (int i = 0; i < 20; i++) {
            users.add(new UUID(seed, 1000 + i));
        }
        for (int i = 0; i < 60; i++) {
            sessions.add(new UUID(seed, 2000 + i));
        }
    }

    public List<UUID> pooledUsers() {
        return users;
    }

    /** Two in five bodies are left valid; the others get one to three mutations. */
    public Arbitrary<Body> bodies() {
        Arbitrary<List<Mutation>> mutations = Arbitraries.frequencyOf(
                Tuple.of(2, Arbitraries.just(List.<Mutation>of())),
                Tuple.of(3, mutation().list().ofMinSize(1).ofMaxSize(3)));
        return Combinators.combine(base(), mutations).as(MutatedBodies::apply);
    }

    // ---- the valid starting point ----

    private record Base(Obj root, UUID eventId, UUID userId, UUID sessionId) {
    }

    private Arbitrary<Base> base() {
        Arbitrary<Integer> session = Arbitraries.integers().between(0, sessions.size() * 3);
        Arbitrary<Long> seconds = Arbitraries.longs().between(Instant.parse("2020-01-01T00:00:00Z").getEpochSecond(),
                Instant.parse("2030-01-01T00:00:00Z").getEpochSecond());
        return Combinators.combine(Arbitraries.of(TYPES), uuids(), session, seconds, Arbitraries.integers().between(0, 999_999),
                Arbitraries.of("LIGHT", "REGULAR"), uuids()).as((type, id, s, sec, micros, level, fresh) -> {
                    // A pooled session always goes with its own pooled user; others are new.
                    boolean pooled = s < sessions.size();
                    UUID sessionId = pooled ? sessions.get(s) : fresh;
                    UUID userId = pooled ? users.get(s % users.size()) : new UUID(fresh.getLeastSignificantBits(), 7);
                    Instant at = Instant.ofEpochSecond(sec, micros * 1000L);
                    return new Base(envelope(type, id, userId, sessionId, at, level), id, userId, sessionId);
                });
    }

    private static Obj envelope(String type, UUID id, UUID user, UUID session, Instant at, String level) {
        Obj data = new Obj().put("userId", quoted(user.toString()));
        if (type.equals("kyc_state_updated")) {
            data.put("state", quoted(level));
        } else {
            data.put("sessionId", quoted(session.toString()));
            Obj reason = new Obj().put("type", quoted("face-match")).put("code", quoted("LOW_CONFIDENCE"))
                    .put("message", quoted("Face matching confidence below threshold"));
            Obj check = new Obj().put("type", quoted("face-matching")).put("state", quoted("Refused"))
                    .put("data", new Obj()).put("reasons", new ArrayList<>(List.of(reason)));
            data.put("checks", new ArrayList<>(List.of(check)));
        }
        return new Obj().put("id", quoted(id.toString())).put("event", quoted(type))
                .put("timestamp", quoted(at.toString())).put("data", data);
    }

    // ---- mutations ----

    private enum Op { SET, REMOVE, DUPLICATE, ADD }

    private record Mutation(Op op, List<Object> path, Json value, String name) {
    }

    private static final List<List<Object>> PATHS = List.of(
            List.of("id"), List.of("event"), List.of("timestamp"), List.of("data"), List.of("data", "userId"),
            List.of("data", "sessionId"), List.of("data", "state"), List.of("data", "checks"),
            List.of("data", "checks", 0), List.of("data", "checks", 0, "type"), List.of("data", "checks", 0, "state"),
            List.of("data", "checks", 0, "reasons"), List.of("data", "checks", 0, "reasons", 0),
            List.of("data", "checks", 0, "reasons", 0, "message"), List.of("data", "checks", 0, "data"),
            List.of("data", "n"), List.of("extra"));

    private static Arbitrary<Mutation> mutation() {
        Arbitrary<String> names = Arbitraries.oneOf(Arbitraries.of("n", "note", "score", "id", "data", "userId"),
                Arbitraries.strings().ofMinLength(1).ofMaxLength(12));
        return Combinators.combine(Arbitraries.frequency(Tuple.of(6, Op.SET),
                        Tuple.of(1, Op.REMOVE), Tuple.of(1, Op.DUPLICATE),
                        Tuple.of(3, Op.ADD)),
                Arbitraries.of(PATHS), values(), names).as(Mutation::new);
    }

    private static Body apply(Base base, List<Mutation> mutations) {
        boolean idKept = true;
        for (Mutation m : mutations) {
            Object parent = at(base.root(), m.path().subList(0, m.path().size() - 1));
            Object key = m.path().get(m.path().size() - 1);
            if (m.path().equals(List.of("id")) && m.op() != Op.ADD) {
                idKept = false;
            }
            if (parent instanceof Obj obj && key instanceof String name) {
                switch (m.op()) {
                    case SET -> obj.set(name, m.value());
                    case REMOVE -> obj.remove(name);
                    case DUPLICATE -> obj.put(name, m.value());
                    case ADD -> {
                        Object target = obj.get(name);
                        (target instanceof Obj inner ? inner : obj).put(m.name(), m.value());
                    }
                }
            } else if (parent instanceof List<?> list && key instanceof Integer index && index < list.size()) {
                @SuppressWarnings("unchecked")
                List<Object> items = (List<Object>) list;
                switch (m.op()) {
                    case SET -> items.set(index, m.value());
                    case REMOVE -> items.remove((int) index);
                    default -> items.add(m.value());
                }
            }
        }
        return new Body(write(base.root()), idKept ? base.eventId() : null, base.userId(), base.sessionId());
    }

    private static Object at(Object node, List<Object> path) {
        for (Object key : path) {
            if (node instanceof Obj obj && key instanceof String name) {
                node = obj.get(name);
            } else if (node instanceof List<?> list && key instanceof Integer index && index < list.size()) {
                node = list.get(index);
            } else {
                return null;
            }
        }
        return node;
    }

    // ---- values a sender might put anywhere ----

    private static Arbitrary<Json> values() {
        return Arbitraries.frequencyOf(
                Tuple.of(4, numbers().map(Json::new)),
                Tuple.of(4, dates().map(MutatedBodies::quoted)),
                Tuple.of(3, strings()),
                Tuple.of(2, nesting().map(Json::new)),
                Tuple.of(2, Arbitraries.of("true", "false", "null", "{}", "[]", "\"\"", "[null]",
                        "{\"type\":1}", "[{\"type\":\"x\",\"state\":\"y\",\"reasons\":[{}]}]").map(Json::new)),
                Tuple.of(1, uuids().map(u -> quoted(u.toString()))),
                Tuple.of(1, Arbitraries.of("LIGHT", "REGULAR", "light", "kyc_session_verified",
                        "kyc_session_created", "").map(MutatedBodies::quoted)));
    }

    static Arbitrary<String> numbers() {
        Arbitrary<String> exponents = Combinators.combine(Arbitraries.integers().between(-9, 9),
                Arbitraries.oneOf(Arbitraries.integers().between(-200, 200),
                        Arbitraries.integers().between(-200_000, 200_000)),
                Arbitraries.of("e", "E", "e+")).as((m, e, mark) -> m + mark.replace("+", e < 0 ? "" : "+") + e);
        Arbitrary<String> digits = Arbitraries.strings().numeric().ofMinLength(1).ofMaxLength(130)
                .map(d -> d.replaceFirst("^0+(?=.)", ""));
        Arbitrary<String> decimals = Arbitraries.bigDecimals().between(new BigDecimal("-1e12"), new BigDecimal("1e12"))
                .ofScale(6).map(BigDecimal::toString);
        Arbitrary<String> packed = Combinators.combine(Arbitraries.integers().between(2, 300),
                        Arbitraries.of("1e131071", "1e99", "1e9", "-1e-98", "0.5"))
                .as((n, x) -> "[" + (x + ",").repeat(n - 1) + x + "]");
        return Arbitraries.oneOf(Arbitraries.integers().map(String::valueOf), Arbitraries.longs().map(String::valueOf),
                exponents, digits, decimals, packed, Arbitraries.of("1e1000", "1e131071", "-1e131072", "1e-16384",
                        "1e100", "1e99", "-1e99", "1e-98", "1e-99", "-0", "-0.0", "0e99999", "1e9999999999",
                        "1.7976931348623157e308", "4.9e-324", "1" + "0".repeat(99), "1" + "0".repeat(100)));
    }

    static Arbitrary<String> dates() {
        Arbitrary<String> years = Arbitraries.oneOf(Arbitraries.integers().between(-2, 10_001),
                Arbitraries.of(1, 1677, 1678, 1707, 1708, 1969, 1970, 2262, 2263, 2292, 2293, 9999, 10_000))
                .map(y -> y < 0 ? String.format("-%04d", -y) : y > 9999 ? "+" + y : String.format("%04d", y));
        Arbitrary<String> offsets = Arbitraries.of("Z", "+00:00", "+14:00", "-18:00", "+18:00", "-00:01", "+05:30",
                "", "+19:00");
        Arbitrary<String> composed = Combinators.combine(years, Arbitraries.integers().between(1, 12),
                Arbitraries.integers().between(1, 31), Arbitraries.of("00:00:00", "23:59:59", "23:59:59.999999999",
                        "12:00:00.5", "24:00:00", "12:00"), offsets)
                .as((y, m, d, time, off) -> "%s-%02d-%02dT%s%s".formatted(y, m, d, time, off));
        return Arbitraries.oneOf(composed, Arbitraries.of("2262-04-11T23:47:17Z", "9999-12-31T23:59:59Z",
                "0001-01-01T00:00:00Z", "1677-09-21T00:12:43Z", "9999-12-31T23:59:59.999999-18:00",
                "0001-01-01T00:00:00+18:00", "2025-02-30T00:00:00Z", "2025-06-19 17:14:13Z", "1750353253",
                "2025-06-19T17:14:13.123Z"));
    }

    static Arbitrary<Json> strings() {
        return Arbitraries.oneOf(
                Arbitraries.strings().all().ofMaxLength(40).map(MutatedBodies::quoted),
                Arbitraries.strings().withCharRange('\u0000', '\u00ff').ofMaxLength(20).map(MutatedBodies::quoted),
                Arbitraries.of("\"\\u0000\"", "\"a\\u0000b\"", "\"\\ud800\"", "\"\\udc00x\"", "\"\\ud83d\\ude00\"",
                        "\"Zoë ✓ 日本 \uD83D\uDE00\"", "\"\\/\\b\\f\\n\\r\\t\\\"\\\\\"", "\"" + "x".repeat(2000) + "\"")
                        .map(Json::new));
    }

    static Arbitrary<String> nesting() {
        return Combinators.combine(Arbitraries.integers().between(1, 40), Arbitraries.of(true, false))
                .as((depth, arrays) -> arrays ? "[".repeat(depth) + "]".repeat(depth)
                        : "{\"a\":".repeat(depth) + "1" + "}".repeat(depth));
    }

    static Arbitrary<UUID> uuids() {
        return Combinators.combine(Arbitraries.longs(), Arbitraries.longs()).as(UUID::new);
    }

    // ---- JSON text ----

    /** A JSON value as text, written as is. */
    record Json(String text) {
    }

    /** A JSON object whose members may repeat a name. */
    static final class Obj {
        final List<Map.Entry<String, Object>> members = new ArrayList<>();

        Obj put(String name, Object value) {
            members.add(new SimpleEntry<>(name, value));
            return this;
        }

        void set(String name, Object value) {
            for (Map.Entry<String, Object> member : members) {
                if (member.getKey().equals(name)) {
                    member.setValue(value);
                    return;
                }
            }
            put(name, value);
        }

        void remove(String name) {
            members.removeIf(member -> member.getKey().equals(name));
        }

        Object get(String name) {
            for (Map.Entry<String, Object> member : members) {
                if (member.getKey().equals(name)) {
                    return member.getValue();
                }
            }
            return null;
        }
    }

    static Json quoted(String text) {
        return new Json(quote(text));
    }

    /** JSON string syntax; surrogates always as \\u escapes, since a lone one has no UTF-8 bytes. */
    static String quote(String text) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20 || Character.isSurrogate(c)) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.append('"').toString();
    }

    private static String write(Object node) {
        if (node instanceof Json json) {
            return json.text();
        }
        StringBuilder out = new StringBuilder();
        if (node instanceof Obj obj) {
            out.append('{');
            for (int i = 0; i < obj.members.size(); i++) {
                Map.Entry<String, Object> member = obj.members.get(i);
                out.append(i == 0 ? "" : ",").append(quote(member.getKey())).append(':').append(write(member.getValue()));
            }
            return out.append('}').toString();
        }
        List<?> items = (List<?>) node;
        out.append('[');
        for (int i = 0; i < items.size(); i++) {
            out.append(i == 0 ? "" : ",").append(write(items.get(i)));
        }
        return out.append(']').toString();
    }
}
