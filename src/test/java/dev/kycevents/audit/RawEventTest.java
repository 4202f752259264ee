package dev.kycevents.audit;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import dev.kycevents.support.Tokens;
import dev.kycevents.support.Webhooks;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** GET /events/{eventId}/raw gives back exactly the bytes received, with their content type. */
@QuarkusTest
class RawEventTest {

    @Test
    void the_raw_body_is_returned_byte_for_byte_with_its_content_type() {
        UUID id = UUID.randomUUID();
        // Non-ASCII text, an escape jsonb would normalise, tabs, CRLF and trailing spaces: all must survive.
        String body = "{\r\n\t\"id\" :  \"" + id + "\",\"event\":\"kyc_state_updated\",\n"
                + "  \"timestamp\":\"2025-06-19T17:14:13.123Z\" ,\"data\":{\"userId\":\"" + UUID.randomUUID()
                + "\",\"state\":\"REGULAR\",\"note\":\"Zoë – ✓ 日本語 \\u00e9 😀\"}}  \r\n ";
        byte[] sent = body.getBytes(StandardCharsets.UTF_8);
        Webhooks.signed(sent, Webhooks.SECRET, Instant.now()).contentType("application/json; charset=utf-8")
                .post("/webhooks/ralio").then().statusCode(200);

        Response raw = given().auth().oauth2(Tokens.group("compliance")).get("/events/{id}/raw", id);
        raw.then().statusCode(200).header("Content-Type", equalTo("application/json; charset=utf-8"))
                .header("X-Content-Type-Options", equalTo("nosniff"));
        assertArrayEquals(sent, raw.asByteArray());
    }

    @Test
    void an_unknown_event_is_a_404_problem() {
        given().auth().oauth2(Tokens.group("compliance")).get("/events/{id}/raw", UUID.randomUUID()).then()
                .statusCode(404).contentType("application/problem+json")
                .body("type", equalTo("urn:kyc-events:problem:not-found"));
    }

    @Test
    void an_event_id_that_is_not_a_uuid_is_400() {
        given().auth().oauth2(Tokens.group("compliance")).get("/events/nope/raw").then()
                .statusCode(400).contentType("application/problem+json").body("field", equalTo("eventId"));
    }
}
