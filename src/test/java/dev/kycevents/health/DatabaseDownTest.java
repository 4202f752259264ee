package dev.kycevents.health;

import static dev.kycevents.support.Webhooks.levelEvent;
import static dev.kycevents.support.Webhooks.post;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** With the database unreachable the service is not ready, and webhooks get a 5xx so Ralio retries. */
@QuarkusTest
@TestProfile(DatabaseDownTest.Unreachable.class)
class DatabaseDownTest {

    public static class Unreachable implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "quarkus.datasource.reactive.url", "postgresql://127.0.0.1:1/nowhere",
                    "quarkus.datasource.jdbc.url", "jdbc:postgresql://127.0.0.1:1/nowhere",
                    "quarkus.datasource.username", "nobody",
                    "quarkus.flyway.migrate-at-start", "false");
        }
    }

    @Test
    void readiness_is_down_while_the_database_is() {
        given().get("/q/health/ready").then().statusCode(503).body("status", equalTo("DOWN"));
    }

    @Test
    void liveness_stays_up_so_the_process_is_not_killed_for_it() {
        given().get("/q/health/live").then().statusCode(200);
    }

    @Test
    void a_webhook_gets_503_so_ralio_retries() {
        post(levelEvent(UUID.randomUUID(), UUID.randomUUID(), Instant.now(), "REGULAR"))
                .statusCode(503).contentType("application/problem+json");
    }
}
