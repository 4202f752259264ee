package dev.kycevents.verification;

import static dev.kycevents.verification.Verifications.ralioCalls;
import static dev.kycevents.verification.Verifications.ralioCreates;
import static dev.kycevents.verification.Verifications.start;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.kycevents.support.Tokens;
import com.github.tomakehurst.wiremock.WireMockServer;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Who may start a verification: the user's own token or kyc-service, no one else. */
@QuarkusTest
@WithTestResource(RalioStub.class)
class StartVerificationAccessTest {

    @RalioStub.Server
    WireMockServer ralio;

    final UUID user = UUID.randomUUID();

    @BeforeEach
    void setUp() {
        ralio.resetAll();
        ralioCreates(ralio, user, UUID.randomUUID());
    }

    @Test
    void no_token_is_401_and_ralio_is_not_called() {
        given().post("/users/{uid}/identity-verifications", user).then().statusCode(401)
                .body("type", equalTo("urn:kyc-events:problem:unauthorized"));
        assertEquals(0, ralioCalls(ralio, user));
    }

    @Test
    void expired_and_forged_tokens_are_401() {
        for (String token : new String[] {Tokens.expired(user), Tokens.signedByAnotherKey(user), Tokens.algNone(user)}) {
            start(token, user).statusCode(401).body("type", equalTo("urn:kyc-events:problem:invalid-token"));
        }
        assertEquals(0, ralioCalls(ralio, user));
    }

    @Test
    void another_users_token_is_403_and_ralio_is_not_called() {
        start(Tokens.user(UUID.randomUUID()), user).statusCode(403).contentType("application/problem+json")
                .body("type", equalTo("urn:kyc-events:problem:forbidden"));
        assertEquals(0, ralioCalls(ralio, user));
    }

    @Test
    void compliance_may_not_start_a_verification_and_is_told_so() {
        start(Tokens.group("compliance"), user).statusCode(403)
                .body("detail", is("This token may not start a verification for this user."));
        assertEquals(0, ralioCalls(ralio, user));
    }

    @Test
    void a_uid_that_is_not_a_uuid_is_400() {
        given().auth().oauth2(Tokens.group("kyc-service")).post("/users/not-a-uuid/identity-verifications").then()
                .statusCode(400).contentType("application/problem+json").body("field", is("uid"));
    }

    @Test
    void the_openapi_document_describes_every_answer() {
        Map<String, Object> responses = given().queryParam("format", "json").get("/q/openapi").then().statusCode(200)
                .extract().path("paths.'/users/{uid}/identity-verifications'.post.responses");
        assertEquals(Set.of("200", "201", "400", "401", "403", "502", "503"), responses.keySet());
        given().queryParam("format", "json").get("/q/openapi").then()
                .body("paths.'/users/{uid}/identity-verifications'.post.responses.'201'.content.'application/json'"
                        + ".examples.created.value.sessionId", is("550e8400-e29b-41d4-a716-446655440002"));
    }
}
