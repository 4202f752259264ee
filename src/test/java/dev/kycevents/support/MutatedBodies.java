package dev.kycevents.support;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.AbstractMap.SimpleEntry;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.random.RandomGenerator;
import java.util.stream.Stream;

/**
 * Valid Ralio bodies, then mutated as a hostile or careless sender would: numbers with huge exponents or digits,
 * dates in extreme years or malformed, strings with U+0000, lone surrogates or any unicode, deep nesting, fields of
 * the wrong type, null or missing, names given twice. Written as JSON text, so every spelling reaches the parser.
 * Users and sessions come partly from small pools, so sessions get several events and some bodies bind a session
 * to another user. Event ids come partly from a pool too, so an id comes back with other content, and one body in
 * fifty is one of the last fifty sent again unchanged: a redelivery, often while the first is still in flight.
 * Everything is drawn from one seeded {@link SplittableRandom}: the same seed gives the same bodies in the same
 * order, so a failure is reproduced from its seed alone.
 */
public final class MutatedBodies {

    /** A body, its event id if it still has a valid one, and the user and session it was built for. */
    public record Body(String json, UUID eventId, UUID userId, UUID sessionId) {
    }

    static final String[] TYPES = {"kyc_session_verified", "kyc_session_manual_review", "kyc_session_failed",
            "kyc_session_expired", "kyc_state_updated", "kyc_something_new"};

    private final long seed;
    private final List<UUID> users = new ArrayList<>();
    private final List<UUID> sessions = new ArrayList<>();
    private final List<UUID> eventIds = new ArrayList<>();

    public MutatedBodies(long seed) {
        this.seed = seed;
        for (int i = 0; i < 20; i++) {
            users.add(new UUID(seed, 1000 + i));
        }
        for (int i = 0; i < 60; i++) {
            sessions.add(new UUID(seed, 2000 + i));
        }
        for (int i = 0; i < 50; i++) {
            eventIds.add(new UUID(seed, 3000 + i));
        }
    }

    public long seed() {
        return seed;
    }

    public List<UUID> pooledUsers() {
        return users;
    }

    /**
     * An endless stream of bodies, the same for the same seed; two in five are left valid, the others get one to
     * three mutations. The seed is printed, since a test may have drawn it at random and a failure quotes only the
     * body.
     */
    public Stream<Body> bodies() {
        System.out.println("MutatedBodies: seed " + seed + " (new MutatedBodies(" + seed + "L) draws the same bodies)");
        RandomGenerator random = new SplittableRandom(seed);
        List<Body> recent = new ArrayList<>();
        return Stream.generate(() -> {
            if (!recent.isEmpty() && random.nextInt(50) == 0) {
                return pick(random, recent);
            }
            Body body = body(random);
            if (recent.size() == 50) {
                recent.remove(0);
            }
            recent.add(body);
            return body;
        });
    }

    private Body body(RandomGenerator random) {
        Base base = base(random);
        List<Mutation> mutations = new ArrayList<>();
        if (weighted(random, 2, 3) == 1) {
            int count = random.nextInt(1, 4);
            for (int i = 0; i < count; i++) {
                mutations.add(mutation(random));
            }
        }
        return apply(base, mutations);
    }

    // ---- the valid starting point ----

    private record Base(Obj root, UUID eventId, UUID userId, UUID sessionId) {
    }

    private static final long FIRST_SECOND = Instant.parse("2020-01-01T00:00:00Z").getEpochSecond();
    private static final long LAST_SECOND = Instant.parse("2030-01-01T00:00:00Z").getEpochSecond();

    private Base base(RandomGenerator random) {
        String type = pick(random, TYPES);
        UUID id = random.nextInt(4) == 0 ? pick(random, eventIds) : uuid(random);
        int s = random.nextInt(0, sessions.size() * 3 + 1);
        Instant at = Instant.ofEpochSecond(random.nextLong(FIRST_SECOND, LAST_SECOND + 1),
                random.nextInt(0, 1_000_000) * 1000L);
        String level = pick(random, "LIGHT", "REGULAR");
        UUID fresh = uuid(random);
        // A pooled session always goes with its own pooled user; others are new.
        boolean pooled = s < sessions.size();
        UUID sessionId = pooled ? sessions.get(s) : fresh;
        UUID userId = pooled ? users.get(s % users.size()) : new UUID(fresh.getLeastSignificantBits(), 7);
        return new Base(envelope(type, id, userId, sessionId, at, level), id, userId, sessionId);
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

    private static final List<String> NAMES = List.of("n", "note", "score", "id", "data", "userId");

    private static Mutation mutation(RandomGenerator random) {
        Op op = Op.values()[weighted(random, 6, 1, 1, 3)]; // SET, REMOVE, DUPLICATE, ADD
        List<Object> path = pick(random, PATHS);
        Json value = value(random);
        String name = random.nextBoolean() ? pick(random, NAMES)
                : chars(random, 1, 12, Character.MIN_VALUE, Character.MAX_VALUE);
        return new Mutation(op, path, value, name);
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

    private static final List<String> LITERALS = List.of("true", "false", "null", "{}", "[]", "\"\"", "[null]",
            "{\"type\":1}", "[{\"type\":\"x\",\"state\":\"y\",\"reasons\":[{}]}]");
    private static final List<String> NEAR_MISSES = List.of("LIGHT", "REGULAR", "light", "kyc_session_verified",
            "kyc_session_created", "");

    private static Json value(RandomGenerator random) {
        return switch (weighted(random, 4, 4, 3, 2, 2, 1, 1)) {
            case 0 -> new Json(number(random));
            case 1 -> quoted(date(random));
            case 2 -> string(random);
            case 3 -> new Json(nesting(random));
            case 4 -> new Json(pick(random, LITERALS));
            case 5 -> quoted(uuid(random).toString());
            default -> quoted(pick(random, NEAR_MISSES));
        };
    }

    private static final List<String> EXTREME_NUMBERS = List.of("1e1000", "1e131071", "-1e131072", "1e-16384",
            "1e100", "1e99", "-1e99", "1e-98", "1e-99", "-0", "-0.0", "0e99999", "1e9999999999",
            "1.7976931348623157e308", "4.9e-324", "1" + "0".repeat(99), "1" + "0".repeat(100));
    private static final List<String> PACKED = List.of("1e131071", "1e99", "1e9", "-1e-98", "0.5");
    private static final long DECIMAL_BOUND = 1_000_000_000_000_000_000L; // 1e12 at scale 6

    static String number(RandomGenerator random) {
        return switch (random.nextInt(7)) {
            case 0 -> String.valueOf(anyInt(random));
            case 1 -> String.valueOf(anyLong(random));
            case 2 -> {
                int mantissa = random.nextInt(-9, 10);
                int exponent = random.nextBoolean() ? random.nextInt(-200, 201) : random.nextInt(-200_000, 200_001);
                String mark = pick(random, "e", "E", "e+");
                yield mantissa + mark.replace("+", exponent < 0 ? "" : "+") + exponent;
            }
            case 3 -> chars(random, 1, 130, '0', '9').replaceFirst("^0+(?=.)", "");
            case 4 -> BigDecimal.valueOf(random.nextLong(-DECIMAL_BOUND, DECIMAL_BOUND + 1), 6).toString();
            case 5 -> {
                int n = random.nextInt(2, 301);
                String x = pick(random, PACKED);
                yield "[" + (x + ",").repeat(n - 1) + x + "]";
            }
            default -> pick(random, EXTREME_NUMBERS);
        };
    }

    private static final List<Integer> EDGE_YEARS = List.of(1, 1677, 1678, 1707, 1708, 1969, 1970, 2262, 2263, 2292,
            2293, 9999, 10_000);
    private static final List<String> OFFSETS = List.of("Z", "+00:00", "+14:00", "-18:00", "+18:00", "-00:01",
            "+05:30", "", "+19:00");
    private static final List<String> TIMES = List.of("00:00:00", "23:59:59", "23:59:59.999999999", "12:00:00.5",
            "24:00:00", "12:00");
    private static final List<String> EDGE_DATES = List.of("2262-04-11T23:47:17Z", "9999-12-31T23:59:59Z",
            "0001-01-01T00:00:00Z", "1677-09-21T00:12:43Z", "9999-12-31T23:59:59.999999-18:00",
            "0001-01-01T00:00:00+18:00", "2025-02-30T00:00:00Z", "2025-06-19 17:14:13Z", "1750353253",
            "2025-06-19T17:14:13.123Z");

    static String date(RandomGenerator random) {
        if (random.nextBoolean()) {
            return pick(random, EDGE_DATES);
        }
        int y = random.nextBoolean() ? random.nextInt(-2, 10_002) : pick(random, EDGE_YEARS);
        String year = y < 0 ? String.format("-%04d", -y) : y > 9999 ? "+" + y : String.format("%04d", y);
        return "%s-%02d-%02dT%s%s".formatted(year, random.nextInt(1, 13), random.nextInt(1, 32), pick(random, TIMES),
                pick(random, OFFSETS));
    }

    private static final List<String> TRICKY_STRINGS = List.of("\"\\u0000\"", "\"a\\u0000b\"", "\"\\ud800\"",
            "\"\\udc00x\"", "\"\\ud83d\\ude00\"", "\"Zoë ✓ 日本 \uD83D\uDE00\"", "\"\\/\\b\\f\\n\\r\\t\\\"\\\\\"",
            "\"" + "x".repeat(2000) + "\"");

    static Json string(RandomGenerator random) {
        return switch (random.nextInt(3)) {
            case 0 -> quoted(chars(random, 0, 40, Character.MIN_VALUE, Character.MAX_VALUE));
            case 1 -> quoted(chars(random, 0, 20, '\u0000', '\u00ff'));
            default -> new Json(pick(random, TRICKY_STRINGS));
        };
    }

    static String nesting(RandomGenerator random) {
        int depth = random.nextInt(1, 41);
        return random.nextBoolean() ? "[".repeat(depth) + "]".repeat(depth)
                : "{\"a\":".repeat(depth) + "1" + "}".repeat(depth);
    }

    // ---- drawing ----

    static UUID uuid(RandomGenerator random) {
        return new UUID(random.nextLong(), random.nextLong());
    }

    private static final int[] EDGE_INTS = {0, 1, -1, Integer.MIN_VALUE, Integer.MAX_VALUE};
    private static final long[] EDGE_LONGS = {0, 1, -1, Long.MIN_VALUE, Long.MAX_VALUE};

    // Uniform draws almost never hit the boundaries, where parsers break, so one in ten is a boundary.
    private static int anyInt(RandomGenerator random) {
        return random.nextInt(10) == 0 ? EDGE_INTS[random.nextInt(EDGE_INTS.length)] : random.nextInt();
    }

    private static long anyLong(RandomGenerator random) {
        return random.nextInt(10) == 0 ? EDGE_LONGS[random.nextInt(EDGE_LONGS.length)] : random.nextLong();
    }

    /** Between min and max characters, each from first to last inclusive (lone surrogates included). */
    private static String chars(RandomGenerator random, int min, int max, char first, char last) {
        int length = random.nextInt(min, max + 1);
        StringBuilder out = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            out.append((char) random.nextInt(first, last + 1));
        }
        return out.toString();
    }

    /** The index of one of the weights, drawn in proportion to it. */
    private static int weighted(RandomGenerator random, int... weights) {
        int total = 0;
        for (int weight : weights) {
            total += weight;
        }
        int draw = random.nextInt(total);
        for (int i = 0; ; i++) {
            draw -= weights[i];
            if (draw < 0) {
                return i;
            }
        }
    }

    @SafeVarargs
    private static <T> T pick(RandomGenerator random, T... items) {
        return items[random.nextInt(items.length)];
    }

    private static <T> T pick(RandomGenerator random, List<T> items) {
        return items.get(random.nextInt(items.size()));
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
