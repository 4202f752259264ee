package dev.kycevents.http;

import static dev.kycevents.support.Webhooks.post;
import static dev.kycevents.support.Webhooks.sessionEvent;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kycevents.support.ThreadProbe;
import dev.kycevents.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The webhook and the views run on Vert.x event loops from request to answer: no worker-thread hop. */
@QuarkusTest
class NonBlockingTest {

    static void assertOnEventLoops(String request) {
        String threads = ThreadProbe.THREADS.get(request);
        assertTrue(threads != null && threads.matches("vert\\.x-eventloop-thread-\\d+ vert\\.x-eventloop-thread-\\d+"),
                request + " ran on " + threads);
    }

    @Test
    void webhooks_and_views_never_leave_the_event_loop() {
        UUID user = UUID.randomUUID();
        UUID session = UUID.randomUUID();
        post(sessionEvent("kyc_session_manual_review", UUID.randomUUID(), user, session, Instant.now()))
                .statusCode(200);
        given().auth().oauth2(Tokens.user(user)).get("/users/{uid}/kyc", user).then().statusCode(200);
        given().auth().oauth2(Tokens.user(user)).get("/sessions/{id}", session).then().statusCode(200);

        assertOnEventLoops("POST /webhooks/ralio");
        assertOnEventLoops("GET /users/" + user + "/kyc");
        assertOnEventLoops("GET /sessions/" + session);
    }
}
