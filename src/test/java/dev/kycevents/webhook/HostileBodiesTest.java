package dev.kycevents.webhook;

import static dev.kycevents.support.Webhooks.httpRequest;
import static dev.kycevents.support.Webhooks.post;
import static dev.kycevents.support.Webhooks.sessionEvent;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kycevents.support.Db;
import dev.kycevents.support.MutatedBodies;
import dev.kycevents.support.MutatedBodies.Body;
import dev.kycevents.support.SuiteOrder;
import dev.kycevents.support.Tokens;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * The rule "input that can never succeed is a 4xx and never poisons what follows", tested with bodies no one wrote by
 * hand: 10,000 valid, correctly signed Ralio bodies mutated by seeded generators ({@link MutatedBodies}) go through
 * POST /webhooks/ralio. The seed is drawn at random and printed, so a failing run is replayed from it. Bodies are not
 * shrunk: a failure quotes the body that caused it.
 */
@QuarkusTest
@Order(SuiteOrder.HOSTILE_BODIES)
class HostileBodiesTest {

    static final int BODIES = 10_000;
    static final int IN_FLIGHT = 32;
    static final Set<Integer> ALLOWED = Set.of(200, 400, 409);

    @TestHTTPResource("/webhooks/ralio")
    URI endpoint;
    @Inject
    Pool pool;

    record Answer(Body body, int status, String contentType, String text) {
    }

    @Test
    void ten_thousand_mutated_signed_bodies_get_200_400_or_409_and_every_reader_still_works() throws Exception {
        Db db = new Db(pool);
        MutatedBodies generator = new MutatedBodies(new Random().nextLong());
        rebuild(); // whatever earlier tests left in the read models is repaired before this test's own check
        long rowsBefore = db.count("SELECT count(*) FROM events");
        long headBefore = db.count("SELECT last_position FROM event_log_head");

        long started = System.nanoTime();
        List<Answer> answers = send(generator.bodies().limit(BODIES).iterator());
        long sentMs = (System.nanoTime() - started) / 1_000_000;

        Map<Integer, Long> statuses = answers.stream()
                .collect(Collectors.groupingBy(Answer::status, TreeMap::new, Collectors.counting()));
        System.out.println("HostileBodiesTest: " + BODIES + " bodies in " + sentMs + " ms, answers " + statuses);
        List<Answer> unexpected = answers.stream().filter(a -> !ALLOWED.contains(a.status())).toList();
        assertTrue(unexpected.isEmpty(), unexpected.size() + " answers not 200/400/409, first: "
                + (unexpected.isEmpty() ? "" : describe(unexpected.get(0))));
        for (Answer answer : answers) {
            if (answer.status() != 200) {
                assertEquals("application/problem+json", answer.contentType(), describe(answer));
            }
        }

        // A 4xx stores nothing: the log grew by exactly the first deliveries answered 200.
        long firstDeliveries = answers.stream()
                .filter(a -> a.status() == 200 && !a.text().contains("\"duplicate\":true")).count();
        assertEquals(firstDeliveries, db.count("SELECT count(*) FROM events") - rowsBefore, "rows added");
        refusedBodiesAreNotStored(db, answers);

        List<UUID> users = generator.pooledUsers();
        laterEventsStillProject(db, users);
        everyReaderReadsTheNewEvents(db, headBefore, users);
        compliance("/audit/verify").statusCode(200).body("valid", org.hamcrest.Matchers.equalTo(true));

        Map<UUID, String> views = views(users);
        JsonPath report = rebuild();
        assertEquals(0, report.getLong("drift.sessions"), "session drift");
        assertEquals(0, report.getLong("drift.levels"), "level drift");
        assertEquals(views, views(users), "views after a rebuild");
    }

    private List<Answer> send(Iterator<Body> bodies) throws Exception {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        Semaphore slots = new Semaphore(IN_FLIGHT);
        List<CompletableFuture<Answer>> pending = new ArrayList<>(BODIES);
        for (int i = 0; i < BODIES; i++) {
            Body body = bodies.next();
            slots.acquire();
            pending.add(http.sendAsync(httpRequest(endpoint, body.json().getBytes(StandardCharsets.UTF_8)),
                            HttpResponse.BodyHandlers.ofString())
                    .thenApply(r -> new Answer(body, r.statusCode(),
                            r.headers().firstValue("Content-Type").orElse(""), r.body()))
                    .whenComplete((answer, failure) -> slots.release()));
        }
        List<Answer> answers = new ArrayList<>(BODIES);
        for (CompletableFuture<Answer> answer : pending) {
            answers.add(answer.join());
        }
        return answers;
    }

    // Those refused bodies that still carry a valid event id: the row with that id, if any, holds other bytes.
    private static void refusedBodiesAreNotStored(Db db, List<Answer> answers) {
        Map<UUID, List<byte[]>> refused = new HashMap<>();
        for (Answer answer : answers) {
            if (answer.status() >= 400 && answer.body().eventId() != null) {
                refused.computeIfAbsent(answer.body().eventId(), id -> new ArrayList<>())
                        .add(answer.body().json().getBytes(StandardCharsets.UTF_8));
            }
        }
        UUID[] ids = refused.keySet().toArray(UUID[]::new);
        for (Row row : db.rows("SELECT event_id, raw_body FROM events WHERE event_id = ANY($1)", (Object) ids)) {
            byte[] stored = row.getBuffer("raw_body").getBytes();
            for (byte[] body : refused.get(row.getUUID("event_id"))) {
                assertTrue(!Arrays.equals(stored, body), "a refused body was stored: " + row.getUUID("event_id")
                       );
            }
        }
    }

    // Each pooled user gets a fresh, valid session event after the storm: it is stored and shows in the view.
    private static void laterEventsStillProject(Db db, List<UUID> users) {
        for (UUID user : users) {
            UUID session = UUID.randomUUID();
            post(sessionEvent("kyc_session_manual_review", UUID.randomUUID(), user, session, Instant.now()))
                    .statusCode(200);
            List<String> sessions = given().auth().oauth2(Tokens.user(user)).get("/users/{uid}/kyc", user).then()
                    .statusCode(200).extract().jsonPath().getList("sessions.sessionId");
            assertTrue(sessions.contains(session.toString()), "a later session of " + user + " shows");
        }
        List<String> sessionTypes = List.of("kyc_session_verified", "kyc_session_manual_review",
                "kyc_session_failed", "kyc_session_expired");
        for (Row row : db.rows("SELECT DISTINCT session_id FROM events WHERE user_id = ANY($1)"
                + " AND event_type = ANY($2)", users.toArray(UUID[]::new), sessionTypes.toArray(String[]::new))) {
            given().auth().oauth2(Tokens.group("kyc-service")).get("/sessions/{id}", row.getUUID("session_id"))
                    .then().statusCode(200);
        }
    }

    private static void everyReaderReadsTheNewEvents(Db db, long headBefore, List<UUID> users) {
        long head = db.count("SELECT last_position FROM event_log_head");
        for (long after = headBefore; after < head; ) {
            JsonPath page = compliance("/events?after={after}&limit=1000", after).statusCode(200).extract().jsonPath();
            long next = page.getLong("nextAfter");
            assertTrue(next > after, "the feed moves on from " + after);
            after = next;
        }
        compliance("/audit/export?from={from}", headBefore + 1).statusCode(200);
        String now = Instant.now().toString();
        for (UUID user : users) {
            compliance("/users/{uid}/events?limit=1000", user).statusCode(200);
            compliance("/users/{uid}/kyc/explain", user).statusCode(200);
            compliance("/users/{uid}/kyc?asOf={asOf}", user, now).statusCode(200);
        }
    }

    private static Map<UUID, String> views(List<UUID> users) {
        Map<UUID, String> views = new HashMap<>();
        for (UUID user : users) {
            views.put(user, given().auth().oauth2(Tokens.user(user)).get("/users/{uid}/kyc", user).then()
                    .statusCode(200).extract().asString());
        }
        return views;
    }

    private static JsonPath rebuild() {
        return given().auth().oauth2(Tokens.group("kyc-admin")).post("/admin/projections/rebuild").then()
                .statusCode(200).extract().jsonPath();
    }

    private static ValidatableResponse compliance(String path, Object... params) {
        return given().auth().oauth2(Tokens.group("compliance")).get(path, params).then();
    }

    private static String describe(Answer answer) {
        String json = answer.body().json();
        return answer.status() + " " + answer.text() + " for " + (json.length() > 600 ? json.substring(0, 600) + "…"
                : json);
    }
}
