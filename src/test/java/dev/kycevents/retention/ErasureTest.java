package dev.kycevents.retention;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kycevents.event.EventTypes;
import dev.kycevents.event.OwnEvents;
import dev.kycevents.event.SessionCreated;
import dev.kycevents.ingest.AppendQueue;
import dev.kycevents.store.EventSource;
import dev.kycevents.store.NewEvent;
import dev.kycevents.support.BulkEvents;
import dev.kycevents.support.Db;
import dev.kycevents.support.MutableClock;
import dev.kycevents.support.Tampering;
import dev.kycevents.support.Tokens;
import dev.kycevents.support.Webhooks;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Row;
import jakarta.inject.Inject;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.tools.ToolProvider;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Retention and erasure against the real database: the rules (period, hold, a user who came back), what erasure
 * leaves in every table, the 410s, and the chain, verified online and offline, after erasure and after tampering.
 */
@QuarkusTest
class ErasureTest {

    /** Far enough past the default period (P5Y) for anything that ended now. */
    static final Duration PAST_THE_PERIOD = Duration.ofDays(6 * 366);

    @Inject
    Pool pool;
    @Inject
    MutableClock clock;
    @Inject
    AppendQueue appendQueue;
    @Inject
    RetentionSweep sweep;
    @Inject
    Vertx vertx;
    Db db;

    @TempDir
    Path dir;

    @BeforeEach
    void setUp() {
        db = new Db(pool);
    }

    @AfterEach
    void releaseClock() {
        clock.release();
    }

    /** A user with an event of every type, with a marker in checks[].data (and in a hold's reason). */
    record Person(UUID user, UUID session, UUID otherSession, String marker, UUID verifiedEventId) {
    }

    Person personWithEveryEventType() {
        UUID user = UUID.randomUUID();
        UUID session = UUID.randomUUID();
        UUID other = UUID.randomUUID();
        String marker = "MARKER-" + UUID.randomUUID();
        String checks = """
                [{"type":"document-verification","state":"Validated","data":{"fullName":"%s"},"reasons":[]}]"""
                .formatted(marker);
        Instant t = Instant.now().minusSeconds(600).truncatedTo(ChronoUnit.MILLIS);
        SessionCreated created = new SessionCreated(UUID.randomUUID(), user, session, t,
                "https://verify.example/" + marker, t.plus(Duration.ofDays(7)));
        String payload = OwnEvents.json(created);
        appendQueue.offer(new NewEvent(created, payload, payload.getBytes(StandardCharsets.UTF_8), "application/json",
                EventSource.API)).await().atMost(Duration.ofSeconds(30));
        webhook(Webhooks.sessionEvent("kyc_session_manual_review", UUID.randomUUID(), user, session, t.plusSeconds(1),
                checks));
        UUID verified = UUID.randomUUID();
        webhook(Webhooks.sessionEvent("kyc_session_verified", verified, user, session, t.plusSeconds(2), checks));
        webhook(Webhooks.levelEvent(UUID.randomUUID(), user, t.plusSeconds(3), "REGULAR"));
        webhook(Webhooks.sessionEvent("kyc_session_failed", UUID.randomUUID(), user, other, t.plusSeconds(4), checks));
        webhook(Webhooks.sessionEvent("kyc_session_expired", UUID.randomUUID(), user, other, t.plusSeconds(5), checks));
        webhook(Webhooks.sessionEvent("kyc_document_uploaded", UUID.randomUUID(), user, other, t.plusSeconds(6),
                checks));
        given().auth().oauth2(Tokens.group("compliance")).contentType("application/json")
                .body("{\"reason\":\"inquiry about " + marker + "\"}")
                .put("/users/{uid}/legal-hold", user).then().statusCode(200).body("legalHold", equalTo(true));
        given().auth().oauth2(Tokens.group("compliance")).delete("/users/{uid}/legal-hold", user).then()
                .statusCode(200).body("legalHold", equalTo(false));
        endRelationship(user, Instant.now()).statusCode(200);
        return new Person(user, session, other, marker, verified);
    }

    static void webhook(String body) {
        Webhooks.post(body).statusCode(200);
    }

    static ValidatableResponse endRelationship(UUID user, Instant endedAt) {
        return given().auth().oauth2(Tokens.group("kyc-service")).contentType("application/json")
                .body("{\"endedAt\":\"" + endedAt + "\"}")
                .post("/users/{uid}/relationship-end", user).then();
    }

    static ValidatableResponse retention(UUID user) {
        return given().auth().oauth2(Tokens.group("compliance")).get("/users/{uid}/retention", user).then()
                .statusCode(200);
    }

    /** Sweeps as the scheduled sweep would at {@code at}. */
    ValidatableResponse sweepAt(Instant at) {
        clock.pin(at);
        try {
            return given().auth().oauth2(Tokens.group("kyc-admin")).post("/admin/retention/sweep").then()
                    .statusCode(200);
        } finally {
            clock.release();
        }
    }

    ValidatableResponse sweepPastThePeriod() {
        return sweepAt(Instant.now().plus(PAST_THE_PERIOD));
    }

    long rowsOf(UUID user) {
        return db.count("SELECT count(*) FROM events WHERE user_id = $1", user);
    }

    long erasedRowsOf(UUID user) {
        return db.count("SELECT count(*) FROM events WHERE user_id = $1 AND raw_body IS NULL", user);
    }

    /** Where the text appears: in any table's rows as text, or in any bytea column's bytes. */
    List<String> placesHolding(String marker) {
        List<String> places = new java.util.ArrayList<>();
        for (Row table : db.rows("""
                SELECT table_name FROM information_schema.tables
                WHERE table_schema = 'public' AND table_type = 'BASE TABLE'""")) {
            String name = table.getString("table_name");
            if (db.count("SELECT count(*) FROM \"" + name + "\" t WHERE t::text LIKE '%' || $1 || '%'", marker) > 0) {
                places.add(name);
            }
            for (Row column : db.rows("""
                    SELECT column_name FROM information_schema.columns
                    WHERE table_schema = 'public' AND table_name = $1 AND data_type = 'bytea'""", name)) {
                String col = column.getString("column_name");
                if (db.count("SELECT count(*) FROM \"" + name + "\" WHERE position(convert_to($1, 'UTF8') in \""
                        + col + "\") > 0", marker) > 0) {
                    places.add(name + "." + col);
                }
            }
        }
        return places;
    }

    @Test
    void a_user_past_the_period_loses_every_body_and_the_marker_is_nowhere_afterwards() {
        Person p = personWithEveryEventType();
        long events = rowsOf(p.user());
        assertEquals(10, events, "created, review, verified, level, failed, expired, unknown, hold, release, end");
        assertTrue(placesHolding(p.marker()).containsAll(List.of("events", "events.raw_body", "session_view")),
                "the scan finds the marker before: " + placesHolding(p.marker()));
        String tagBefore = given().auth().oauth2(Tokens.group("kyc-service")).get("/users/{uid}/kyc", p.user())
                .then().statusCode(200).extract().header("ETag");

        sweepPastThePeriod().body("usersErased", org.hamcrest.Matchers.greaterThanOrEqualTo(1));

        assertEquals(List.of(), placesHolding(p.marker()), "the marker is in no table");
        assertEquals(events, erasedRowsOf(p.user()), "every event of the user lost its body");
        for (Row row : db.rows("""
                SELECT event_type, payload, hash_version, body_digest, hash, prev_hash, occurred_at, source
                FROM events WHERE user_id = $1 AND event_type <> 'kyc_user_erased' ORDER BY position""", p.user())) {
            assertNull(row.getValue("payload"));
            assertNotNull(row.getBuffer("body_digest"), "the digest of the erased body stays");
            assertEquals(32, row.getBuffer("hash").length());
            assertNotNull(row.getString("event_type"));
        }
        Row erased = db.rows("SELECT payload::text AS payload, source FROM events WHERE user_id = $1 AND event_type = $2",
                p.user(), EventTypes.USER_ERASED).get(0);
        assertEquals("api", erased.getString("source"));
        assertTrue(erased.getString("payload").contains("\"erasedEvents\": " + events), erased.getString("payload"));
        assertEquals(0, db.count("SELECT count(*) FROM session_view WHERE user_id = $1", p.user()));
        assertEquals(0, db.count("SELECT count(*) FROM kyc_level_view WHERE user_id = $1", p.user()));

        retention(p.user()).body("erasedAt", notNullValue());
        given().auth().oauth2(Tokens.group("kyc-service")).get("/users/{uid}/kyc", p.user()).then()
                .statusCode(410).contentType("application/problem+json");
        // A poll with a tag held from before, the tag of a user without events, or any tag is not a 304.
        for (String tag : List.of(tagBefore, "\"0\"", "*")) {
            given().auth().oauth2(Tokens.group("kyc-service")).header("If-None-Match", tag)
                    .get("/users/{uid}/kyc", p.user()).then().statusCode(410).contentType("application/problem+json");
        }
        given().auth().oauth2(Tokens.group("kyc-service")).get("/sessions/{id}", p.session()).then()
                .statusCode(410).contentType("application/problem+json");
        given().auth().oauth2(Tokens.group("compliance")).get("/events/{id}/raw", p.verifiedEventId()).then()
                .statusCode(410).contentType("application/problem+json");
        given().auth().oauth2(Tokens.group("compliance")).queryParam("asOf", Instant.now().toString())
                .get("/users/{uid}/kyc", p.user()).then().statusCode(410);
        given().auth().oauth2(Tokens.group("compliance")).get("/users/{uid}/kyc/explain", p.user()).then()
                .statusCode(410);
        given().auth().oauth2(Tokens.group("compliance")).queryParam("limit", 1000)
                .get("/users/{uid}/events", p.user()).then().statusCode(200)
                .body("events.findAll { it.type != 'kyc_user_erased' }.erased", everyItem(equalTo(true)))
                .body("events.findAll { it.type != 'kyc_user_erased' }.payload", everyItem(nullValue()))
                .body("events.find { it.type == 'kyc_user_erased' }.erased", equalTo(false));

        verifyChain().body("valid", equalTo(true));
    }

    @Test
    void the_export_after_erasure_verifies_offline() throws Exception {
        Person p = personWithEveryEventType();
        long first = db.count("SELECT min(position) FROM events WHERE user_id = $1", p.user());
        sweepPastThePeriod();

        String export = given().auth().oauth2(Tokens.group("compliance")).queryParam("from", first)
                .get("/audit/export").then().statusCode(200).extract().asString();
        // Every line of the person's is marked erased, with no body; their kyc_user_erased event is not erased.
        int erasedLines = 0;
        com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
        for (String line : export.split("\n")) {
            com.fasterxml.jackson.databind.JsonNode event = json.readTree(line);
            boolean theirs = p.user().toString().equals(event.path("userId").asText());
            boolean erasure = EventTypes.USER_ERASED.equals(event.path("type").asText());
            assertEquals(theirs && !erasure, event.path("erased").asBoolean(), line);
            if (event.path("erased").asBoolean()) {
                assertTrue(event.path("rawBody").isNull() || event.path("rawBody").isMissingNode(), line);
                erasedLines++;
            }
        }
        assertEquals(db.count("SELECT count(*) FROM events WHERE user_id = $1 AND event_type <> $2", p.user(),
                EventTypes.USER_ERASED), erasedLines);
        assertFalse(export.contains(p.marker()));
        Path file = dir.resolve("export.ndjson");
        Files.writeString(file, export);
        String out = verifyOffline(file);
        assertTrue(out.startsWith("OK "), out);
    }

    @Test
    void a_user_whose_period_has_not_passed_is_kept() {
        UUID user = UUID.randomUUID();
        webhook(Webhooks.levelEvent(UUID.randomUUID(), user, Instant.now().minus(Duration.ofDays(2)), "REGULAR"));
        Instant ended = Instant.now().minus(Duration.ofDays(1)).truncatedTo(ChronoUnit.SECONDS);
        endRelationship(user, ended).statusCode(200).body("clockRunning", equalTo(true))
                .body("relationshipEndedAt", equalTo(ended.toString()))
                .body("erasableFrom", equalTo(ended.atOffset(java.time.ZoneOffset.UTC).plusYears(5).toInstant().toString()));

        sweepAt(Instant.now());

        assertEquals(0, erasedRowsOf(user));
        retention(user).body("erasedAt", nullValue());
        given().auth().oauth2(Tokens.group("kyc-service")).get("/users/{uid}/kyc", user).then().statusCode(200)
                .body("level", equalTo("REGULAR"));
    }

    @Test
    void a_user_on_legal_hold_is_never_erased_and_is_once_the_hold_is_released() {
        UUID user = UUID.randomUUID();
        webhook(Webhooks.levelEvent(UUID.randomUUID(), user, Instant.now().minusSeconds(60), "REGULAR"));
        endRelationship(user, Instant.now()).statusCode(200);
        given().auth().oauth2(Tokens.group("compliance")).contentType("application/json")
                .body("{\"reason\":\"court order 2026-17\"}").put("/users/{uid}/legal-hold", user).then()
                .statusCode(200).body("legalHold", equalTo(true));
        retention(user).body("legalHold", equalTo(true));

        sweepPastThePeriod();
        assertEquals(0, erasedRowsOf(user), "held");

        given().auth().oauth2(Tokens.group("compliance")).delete("/users/{uid}/legal-hold", user).then()
                .statusCode(200).body("legalHold", equalTo(false));
        retention(user).body("legalHold", equalTo(false));
        sweepPastThePeriod();
        assertEquals(rowsOf(user) - 1, erasedRowsOf(user), "every event but kyc_user_erased");
    }

    @Test
    void a_user_who_came_back_after_the_end_is_kept_and_a_new_end_restarts_the_clock() {
        UUID user = UUID.randomUUID();
        Instant ended = Instant.now().minus(Duration.ofDays(10)).truncatedTo(ChronoUnit.SECONDS);
        endRelationship(user, ended).statusCode(200).body("clockRunning", equalTo(true));
        webhook(Webhooks.sessionEvent("kyc_session_manual_review", UUID.randomUUID(), user, UUID.randomUUID(),
                Instant.now().minusSeconds(5)));
        retention(user).body("clockRunning", equalTo(false)).body("erasableFrom", nullValue());

        sweepPastThePeriod();
        assertEquals(0, erasedRowsOf(user), "came back: the clock stopped");

        Instant again = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        endRelationship(user, again).statusCode(200).body("clockRunning", equalTo(true))
                .body("relationshipEndedAt", equalTo(again.toString()));
        sweepPastThePeriod();
        assertEquals(rowsOf(user) - 1, erasedRowsOf(user));
    }

    @Test
    void a_user_erased_who_comes_back_gets_a_fresh_view_and_the_new_events_are_erased_by_a_later_end() {
        UUID user = UUID.randomUUID();
        webhook(Webhooks.levelEvent(UUID.randomUUID(), user, Instant.now().minusSeconds(60), "REGULAR"));
        endRelationship(user, Instant.now()).statusCode(200);
        sweepPastThePeriod();
        given().auth().oauth2(Tokens.group("kyc-service")).get("/users/{uid}/kyc", user).then().statusCode(410);

        webhook(Webhooks.levelEvent(UUID.randomUUID(), user, Instant.now(), "LIGHT"));
        given().auth().oauth2(Tokens.group("kyc-service")).get("/users/{uid}/kyc", user).then().statusCode(200)
                .body("level", equalTo("LIGHT"));
        endRelationship(user, Instant.now()).statusCode(200);
        sweepPastThePeriod();
        assertEquals(rowsOf(user) - 2, erasedRowsOf(user), "every event but the two kyc_user_erased");
        given().auth().oauth2(Tokens.group("kyc-service")).get("/users/{uid}/kyc", user).then().statusCode(410);
        verifyChain().body("valid", equalTo(true));
    }

    @Test
    void a_redelivery_of_an_erased_event_is_a_duplicate_and_other_content_under_its_id_a_409() {
        UUID user = UUID.randomUUID();
        UUID eventId = UUID.randomUUID();
        String body = Webhooks.levelEvent(eventId, user, Instant.now().minusSeconds(60), "REGULAR");
        webhook(body);
        endRelationship(user, Instant.now()).statusCode(200);
        sweepPastThePeriod();
        long rows = rowsOf(user);

        // Ralio retries for days: its retry of an event erased meanwhile must be answered, not failed.
        Webhooks.post(body).statusCode(200).body("duplicate", equalTo(true));
        Webhooks.post(Webhooks.levelEvent(eventId, user, Instant.now().minusSeconds(60), "LIGHT")).statusCode(409)
                .contentType("application/problem+json");
        assertEquals(rows, rowsOf(user), "nothing stored");
        assertEquals(rows - 1, erasedRowsOf(user), "the body did not come back");
    }

    @Test
    void rows_written_under_hash_version_1_are_erased_and_still_verify_by_their_links() throws Exception {
        long[] range = BulkEvents.append(pool, 2);
        UUID user = db.rows("SELECT user_id FROM events WHERE position = $1", range[0]).get(0).getUUID("user_id");
        endRelationship(user, Instant.now()).statusCode(200);
        sweepPastThePeriod();

        assertEquals(5, db.count("""
                SELECT count(*) FROM events WHERE user_id = $1 AND raw_body IS NULL AND hash_version = 1
                  AND body_digest IS NOT NULL""", user));
        verifyChain().body("valid", equalTo(true));
        String export = given().auth().oauth2(Tokens.group("compliance")).queryParam("from", range[0])
                .get("/audit/export").then().statusCode(200).extract().asString();
        Path file = dir.resolve("v1.ndjson");
        Files.writeString(file, export);
        assertTrue(verifyOffline(file).startsWith("OK "));
    }

    @Test
    void tampering_with_an_erased_row_is_detected() {
        Person p = personWithEveryEventType();
        sweepPastThePeriod();
        long position = db.count("""
                SELECT min(position) FROM events WHERE user_id = $1 AND event_type = 'kyc_session_verified'""", p.user());

        try (Tampering t = new Tampering(pool).change(position,
                "UPDATE events SET event_type = 'kyc_session_failed' WHERE position = $1")) {
            verifyChain().body("valid", equalTo(false)).body("firstBrokenPosition", equalTo((int) position))
                    .body("problem", equalTo("HASH_MISMATCH"));
        }
        try (Tampering t = new Tampering(pool).change(position,
                "UPDATE events SET body_digest = sha256('something else'::bytea) WHERE position = $1")) {
            verifyChain().body("valid", equalTo(false)).body("firstBrokenPosition", equalTo((int) position))
                    .body("problem", equalTo("HASH_MISMATCH"));
        }
        verifyChain().body("valid", equalTo(true));
    }

    @Test
    void an_erasure_outside_the_erasure_path_is_detected() {
        UUID user = UUID.randomUUID();
        webhook(Webhooks.levelEvent(UUID.randomUUID(), user, Instant.now(), "REGULAR"));
        long position = db.count("SELECT max(position) FROM events WHERE user_id = $1", user);

        try (Tampering t = new Tampering(pool).change(position,
                "UPDATE events SET raw_body = NULL, payload = NULL WHERE position = $1")) {
            verifyChain().body("valid", equalTo(false)).body("firstBrokenPosition", equalTo((int) position))
                    .body("problem", equalTo("ERASURE_UNRECORDED"));
        }
        try (Tampering t = new Tampering(pool).change(position,
                "UPDATE events SET raw_body = convert_to('{}', 'UTF8'), payload = '{}' WHERE position = $1")) {
            verifyChain().body("valid", equalTo(false)).body("firstBrokenPosition", equalTo((int) position))
                    .body("problem", equalTo("DIGEST_MISMATCH"));
        }
    }

    @Test
    void the_database_refuses_every_change_but_the_erasure_path() {
        UUID user = UUID.randomUUID();
        webhook(Webhooks.levelEvent(UUID.randomUUID(), user, Instant.now(), "REGULAR"));
        assertRefused(() -> db.query(
                "UPDATE events SET raw_body = NULL, payload = NULL, body_digest = sha256(raw_body) WHERE user_id = $1",
                user), "a direct erasure");
        assertRefused(() -> db.query("DELETE FROM events WHERE user_id = $1", user), "a delete");
        // In a transaction that never commits: were the trigger to let it through, the suite's log stays whole.
        assertRefused(() -> pool.withTransaction(c -> c.query("TRUNCATE events").execute()
                        .invoke(done -> {
                            throw new IllegalStateException("TRUNCATE passed the trigger");
                        }))
                .await().atMost(Duration.ofSeconds(30)), "a truncate");
        // Inside the path, only the clearing of the bodies passes the trigger: not a change of another column,
        // nor a digest that is not the cleared body's.
        assertRefused(() -> whileErasing("UPDATE events SET event_type = 'x', raw_body = NULL, payload = NULL, "
                + "body_digest = sha256(raw_body) WHERE user_id = $1", user), "another column changed");
        assertRefused(() -> whileErasing("UPDATE events SET raw_body = NULL, payload = NULL, "
                + "body_digest = sha256('not the body'::bytea) WHERE user_id = $1", user), "another digest");
        assertRefused(() -> whileErasing("UPDATE events SET session_id = gen_random_uuid(), raw_body = NULL, "
                + "payload = NULL, body_digest = sha256(raw_body) WHERE user_id = $1", user), "a session id set");
        assertEquals(0, erasedRowsOf(user));
    }

    private void whileErasing(String update, UUID user) {
        pool.withTransaction(c -> c.query("SELECT set_config('kyc.erasing', 'on', true)").execute()
                        .flatMap(on -> c.preparedQuery(update).execute(io.vertx.mutiny.sqlclient.Tuple.of(user))))
                .await().atMost(Duration.ofSeconds(30));
    }

    // Refused by the trigger (insufficient_privilege), not failing for another reason.
    private static void assertRefused(org.junit.jupiter.api.function.Executable change, String what) {
        Throwable failure = assertThrows(Throwable.class, change, what);
        while (failure != null && !(failure instanceof io.vertx.pgclient.PgException)) {
            failure = failure.getCause();
        }
        assertEquals("42501", failure == null ? null : ((io.vertx.pgclient.PgException) failure).getSqlState(), what);
    }

    @Test
    void a_sweep_while_another_holds_the_sweep_lock_is_a_409() {
        io.vertx.mutiny.sqlclient.SqlConnection other = pool.getConnection().await().atMost(Duration.ofSeconds(30));
        io.vertx.mutiny.sqlclient.Tuple key = io.vertx.mutiny.sqlclient.Tuple.of(RetentionSweep.LOCK_KEY);
        try {
            other.preparedQuery("SELECT pg_advisory_lock($1)").execute(key).await().atMost(Duration.ofSeconds(30));
            given().auth().oauth2(Tokens.group("kyc-admin")).post("/admin/retention/sweep").then()
                    .statusCode(409).contentType("application/problem+json");
            other.preparedQuery("SELECT pg_advisory_unlock($1)").execute(key).await().atMost(Duration.ofSeconds(30));
        } finally {
            other.close().await().atMost(Duration.ofSeconds(30));
        }
        given().auth().oauth2(Tokens.group("kyc-admin")).post("/admin/retention/sweep").then().statusCode(200);
    }

    @Test
    void the_schedule_sweeps_on_its_own_and_stops_with_the_service() throws InterruptedException {
        Person person = personWithEveryEventType();
        long events = rowsOf(person.user());
        SweepSchedule schedule = new SweepSchedule(sweep,
                new RetentionSettings("P5Y", Duration.ofMillis(200), 200, Duration.ZERO), vertx);
        clock.pin(Instant.now().plus(PAST_THE_PERIOD));
        schedule.start(null);
        try {
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (erasedRowsOf(person.user()) < events && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            assertEquals(events, erasedRowsOf(person.user()), "erased by a scheduled sweep, no request");
        } finally {
            schedule.stop(null);
            clock.release();
        }
        Thread.sleep(500); // a sweep already running finishes

        UUID later = UUID.randomUUID();
        webhook(Webhooks.levelEvent(UUID.randomUUID(), later, Instant.now().minusSeconds(60), "REGULAR"));
        endRelationship(later, Instant.now()).statusCode(200);
        clock.pin(Instant.now().plus(PAST_THE_PERIOD)); // erasable, if anything swept
        Thread.sleep(1_000); // five intervals
        assertEquals(0, erasedRowsOf(later), "no sweep after the timer stopped");
        sweepPastThePeriod();
        assertEquals(rowsOf(later) - 1, erasedRowsOf(later), "what a sweep would have erased (not its own event)");
    }

    @Test
    void the_sweeps_connection_goes_back_to_the_pool_with_its_settings_reset() {
        Person person = personWithEveryEventType();
        long events = rowsOf(person.user());
        sweepPastThePeriod().body("usersErased", org.hamcrest.Matchers.greaterThanOrEqualTo(1));
        assertEquals(events, erasedRowsOf(person.user()), "the sweep ran");

        // Every connection the pool may hand out, held at once: the sweep's is one of them.
        List<SqlConnection> all = new ArrayList<>();
        try {
            for (int i = 0; i < ConfigProvider.getConfig().getValue("quarkus.datasource.reactive.max-size",
                    Integer.class); i++) {
                all.add(pool.getConnection().await().atMost(Duration.ofSeconds(30)));
            }
            for (SqlConnection connection : all) {
                long changed = connection.query("SELECT count(*) FROM pg_settings"
                                + " WHERE name IN ('jit', 'backend_flush_after', 'wal_compression',"
                                + " 'synchronous_commit')"
                                + " AND setting <> reset_val").execute()
                        .await().atMost(Duration.ofSeconds(30)).iterator().next().getLong(0);
                assertEquals(0, changed, "a pooled connection kept the sweep's session settings");
            }
        } finally {
            all.forEach(c -> c.close().await().atMost(Duration.ofSeconds(30)));
        }
    }

    @Test
    void only_the_right_groups_may_use_the_retention_endpoints() {
        UUID user = UUID.randomUUID();
        given().auth().oauth2(Tokens.group("compliance")).contentType("application/json")
                .body("{\"endedAt\":\"2025-01-01T00:00:00Z\"}").post("/users/{uid}/relationship-end", user).then()
                .statusCode(403).contentType("application/problem+json");
        given().auth().oauth2(Tokens.user(user)).contentType("application/json")
                .body("{\"endedAt\":\"2025-01-01T00:00:00Z\"}").post("/users/{uid}/relationship-end", user).then()
                .statusCode(403);
        given().auth().oauth2(Tokens.user(user)).contentType("application/json")
                .body("{\"reason\":\"x\"}").put("/users/{uid}/legal-hold", user).then().statusCode(403);
        given().auth().oauth2(Tokens.group("kyc-service")).contentType("application/json")
                .body("{\"reason\":\"x\"}").put("/users/{uid}/legal-hold", user).then().statusCode(403);
        given().auth().oauth2(Tokens.group("kyc-service")).delete("/users/{uid}/legal-hold", user).then()
                .statusCode(403);
        assertEquals(0, db.count("SELECT count(*) FROM events WHERE user_id = $1", user), "nothing recorded");
        given().auth().oauth2(Tokens.group("kyc-service")).get("/users/{uid}/retention", user).then().statusCode(403);
        given().auth().oauth2(Tokens.group("compliance")).post("/admin/retention/sweep").then().statusCode(403);
        given().post("/admin/retention/sweep").then().statusCode(401);
    }

    @Test
    void a_bad_end_is_a_400_naming_the_field_and_nothing_is_recorded() {
        UUID user = UUID.randomUUID();
        given().auth().oauth2(Tokens.group("kyc-service")).contentType("application/json").body("{}")
                .post("/users/{uid}/relationship-end", user).then().statusCode(400).body("field", equalTo("endedAt"));
        given().auth().oauth2(Tokens.group("kyc-service")).contentType("application/json")
                .body("{\"endedAt\":\"yesterday\"}").post("/users/{uid}/relationship-end", user).then()
                .statusCode(400).body("field", equalTo("endedAt"));
        endRelationship(user, Instant.now().plus(Duration.ofDays(1))).statusCode(400).body("field", equalTo("endedAt"));
        // Instant.parse reads these, but timestamptz and the retention arithmetic cannot hold them: 400, not 5xx.
        for (String past : new String[] {"-999999999-01-01T00:00:00Z", "-4714-01-01T00:00:00Z", "0000-12-31T23:59:59Z"}) {
            given().auth().oauth2(Tokens.group("kyc-service")).contentType("application/json")
                    .body("{\"endedAt\":\"" + past + "\"}").post("/users/{uid}/relationship-end", user).then()
                    .statusCode(400).body("field", equalTo("endedAt"));
        }
        given().auth().oauth2(Tokens.group("compliance")).contentType("application/json").body("{\"reason\":\"\"}")
                .put("/users/{uid}/legal-hold", user).then().statusCode(400).body("field", equalTo("reason"));
        // JSON allows these escapes, jsonb refuses them: a 400 naming the field, never a 5xx at commit.
        for (String reason : new String[] {"court\\u0000order", "court \\ud800 order"}) {
            given().auth().oauth2(Tokens.group("compliance")).contentType("application/json")
                    .body("{\"reason\":\"" + reason + "\"}").put("/users/{uid}/legal-hold", user).then()
                    .statusCode(400).contentType("application/problem+json").body("field", equalTo("reason"));
        }
        assertEquals(0, rowsOf(user));
    }

    @Test
    void ralio_may_not_deliver_the_services_own_retention_events() {
        UUID user = UUID.randomUUID();
        String body = """
                {"id":"%s","event":"kyc_user_erased","timestamp":"%s","data":{"userId":"%s","rule":"x",\
                "erasedEvents":1,"throughPosition":1}}""".formatted(UUID.randomUUID(), Instant.now(), user);
        Webhooks.post(body).statusCode(400).body("field", equalTo("event"));
        assertEquals(0, rowsOf(user));
    }

    static ValidatableResponse verifyChain() {
        return given().auth().oauth2(Tokens.group("compliance")).get("/audit/verify").then().log().ifValidationFails()
                .statusCode(200);
    }

    /** tools/VerifyExport.java compiled as an auditor would, run on the file; its output. */
    String verifyOffline(Path export) throws Exception {
        Path classes = Files.createDirectories(dir.resolve("tool"));
        assertEquals(0, ToolProvider.getSystemJavaCompiler().run(null, null, null, "-d", classes.toString(),
                "tools/VerifyExport.java"));
        try (URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()}, null)) {
            Method run = loader.loadClass("VerifyExport").getDeclaredMethod("run", String[].class, PrintStream.class);
            run.setAccessible(true);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            run.invoke(null, new String[] {export.toString()}, new PrintStream(out, true, StandardCharsets.UTF_8));
            return out.toString(StandardCharsets.UTF_8);
        }
    }
}
