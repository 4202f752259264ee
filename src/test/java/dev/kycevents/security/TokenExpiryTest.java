package dev.kycevents.security;

import static io.restassured.RestAssured.given;

import dev.kycevents.support.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A token is refused once its exp plus the clock skew has passed (the test profile sets
 * kyc.security.clock-skew to PT1S), whether or not it was verified and cached before.
 */
@QuarkusTest
class TokenExpiryTest {

    static final long SKEW_SECONDS = 1;

    final UUID user = UUID.randomUUID();

    int status(String token) {
        return given().auth().oauth2(token).get("/users/{uid}/kyc", user).statusCode();
    }

    @Test
    void a_token_expired_two_seconds_ago_is_401() {
        Instant exp = Instant.ofEpochSecond(Instant.now().getEpochSecond() - 2);
        given().auth().oauth2(Tokens.expiringAt(user, exp)).get("/users/{uid}/kyc", user)
                .then().statusCode(401).contentType("application/problem+json");
    }

    @Test
    void a_token_within_its_lifetime_is_accepted() {
        Instant exp = Instant.ofEpochSecond(Instant.now().getEpochSecond() + 60);
        given().auth().oauth2(Tokens.expiringAt(user, exp)).get("/users/{uid}/kyc", user).then().statusCode(200);
    }

    @Test
    void a_token_verified_and_cached_while_valid_is_401_once_exp_plus_skew_has_passed() throws InterruptedException {
        Instant exp = Instant.ofEpochSecond(Instant.now().getEpochSecond() + 2);
        String token = Tokens.expiringAt(user, exp);
        given().auth().oauth2(token).get("/users/{uid}/kyc", user).then().statusCode(200);
        given().auth().oauth2(token).get("/users/{uid}/kyc", user).then().statusCode(200); // from the cache

        Instant refusedFrom = exp.plusSeconds(SKEW_SECONDS);
        while (Instant.now().isBefore(refusedFrom)) {
            Thread.sleep(100);
        }
        given().auth().oauth2(token).get("/users/{uid}/kyc", user)
                .then().statusCode(401).contentType("application/problem+json");
    }
}
