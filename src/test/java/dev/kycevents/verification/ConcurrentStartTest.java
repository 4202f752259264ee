package dev.kycevents.verification;

import static dev.kycevents.verification.Verifications.hostedUrl;
import static dev.kycevents.verification.Verifications.json;
import static dev.kycevents.verification.Verifications.ralioAnswers;
import static dev.kycevents.verification.Verifications.ralioCalls;
import static dev.kycevents.verification.Verifications.ralioCreates;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kycevents.event.OwnEvents;
import dev.kycevents.event.SessionCreated;
import dev.kycevents.ingest.AppendQueue;
import dev.kycevents.store.AppendOutcome;
import dev.kycevents.store.EventSource;
import dev.kycevents.store.NewEvent;
import dev.kycevents.support.Db;
import dev.kycevents.support.Tokens;
import com.github.tomakehurst.wiremock.WireMockServer;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * At most one session per user however many requests arrive at once. Another instance is played by
 * writing its claim (and its session) straight into the database.
 */
@QuarkusTest
@WithTestResource(value = RalioStub.class, scope = TestResourceScope.GLOBAL)
class ConcurrentStartTest {

    @RalioStub.Server
    WireMockServer ralio;
    @TestHTTPResource("/users")
    URI users;
    @Inject
    Pool pool;
    @Inject
    AppendQueue appendQueue;
    Db db;

    final UUID user = UUID.randomUUID();
    final UUID session = UUID.randomUUID();
    final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @BeforeEach
    void setUp() {
        db = new Db(pool);
        ralio.resetAll();
    }

    CompletableFuture<HttpResponse<String>> startAsync() {
        HttpRequest request = HttpRequest.newBuilder(URI.create(users + "/" + user + "/identity-verifications"))
                .header("Authorization", "Bearer " + Tokens.user(user))
                .POST(HttpRequest.BodyPublishers.noBody())
                .timeout(Duration.ofSeconds(30))
                .build();
        return http.sendAsync(request, HttpResponse.BodyHandlers.ofString());
    }

    static String sessionIdOf(HttpResponse<String> response) {
        return new JsonObject(response.body()).getString("sessionId");
    }

    void anotherInstanceClaims(String claimedAt) {
        db.query("INSERT INTO verification_requests (user_id, claim_id, claimed_at) VALUES ($1, $2, "
                + claimedAt + ")", user, UUID.randomUUID());
    }

    void anotherInstanceReleases() {
        db.query("DELETE FROM verification_requests WHERE user_id = $1", user);
    }

    long claims() {
        return db.count("SELECT count(*) FROM verification_requests WHERE user_id = $1", user);
    }

    @Test
    void ten_requests_at_once_create_one_session_and_call_ralio_once() throws Exception {
        // Ralio takes a while, so the other nine arrive while the first is still waiting for it.
        ralioAnswers(ralio, user, json(201, """
                {"id":"%s","hostedUrl":"%s"}""".formatted(session, hostedUrl(session))).withFixedDelay(300));

        List<CompletableFuture<HttpResponse<String>>> requests = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            requests.add(startAsync());
        }
        int created = 0;
        Set<String> sessionIds = new HashSet<>();
        for (CompletableFuture<HttpResponse<String>> request : requests) {
            HttpResponse<String> response = request.get(30, TimeUnit.SECONDS);
            assertTrue(response.statusCode() == 200 || response.statusCode() == 201, response.body());
            created += response.statusCode() == 201 ? 1 : 0;
            sessionIds.add(sessionIdOf(response));
        }
        assertEquals(1, created);
        assertEquals(Set.of(session.toString()), sessionIds);
        assertEquals(1, ralioCalls(ralio, user));
        assertEquals(1, db.count("SELECT count(*) FROM events WHERE user_id = $1", user));
        assertEquals(0, claims());
    }

    @Test
    void a_request_waits_for_another_instances_claim_and_answers_its_session() throws Exception {
        anotherInstanceClaims("clock_timestamp()");
        CompletableFuture<HttpResponse<String>> waiting = startAsync();

        Thread.sleep(500);
        assertFalse(waiting.isDone());
        assertEquals(0, ralioCalls(ralio, user));

        // The other instance records the session Ralio gave it, then lets go of its claim.
        Instant now = Instant.now();
        SessionCreated created = new SessionCreated(UUID.randomUUID(), user, session, now, hostedUrl(session),
                now.plus(Duration.ofDays(7)));
        String payload = OwnEvents.json(created);
        AppendOutcome outcome = appendQueue.offer(new NewEvent(created, payload,
                payload.getBytes(StandardCharsets.UTF_8), "application/json", EventSource.API))
                .await().atMost(Duration.ofSeconds(10));
        assertTrue(outcome instanceof AppendOutcome.Stored);
        anotherInstanceReleases();

        HttpResponse<String> response = waiting.get(10, TimeUnit.SECONDS);
        assertEquals(200, response.statusCode(), response.body());
        assertEquals(session.toString(), sessionIdOf(response));
        assertEquals(0, ralioCalls(ralio, user));
    }

    @Test
    void a_claim_released_without_a_session_lets_a_waiting_request_create_one() throws Exception {
        ralioCreates(ralio, user, session);
        anotherInstanceClaims("clock_timestamp()");
        CompletableFuture<HttpResponse<String>> waiting = startAsync();

        Thread.sleep(300);
        assertFalse(waiting.isDone());
        anotherInstanceReleases(); // e.g. Ralio failed for the other instance

        HttpResponse<String> response = waiting.get(10, TimeUnit.SECONDS);
        assertEquals(201, response.statusCode(), response.body());
        assertEquals(session.toString(), sessionIdOf(response));
        assertEquals(1, ralioCalls(ralio, user));
        assertEquals(0, claims());
    }

    @Test
    void a_stale_claim_left_by_a_crashed_instance_is_taken_over() throws Exception {
        ralioCreates(ralio, user, session);
        anotherInstanceClaims("clock_timestamp() - interval '1 hour'");

        HttpResponse<String> response = startAsync().get(5, TimeUnit.SECONDS);
        assertEquals(201, response.statusCode(), response.body());
        assertEquals(1, ralioCalls(ralio, user));
        assertEquals(0, claims());
    }
}
