package dev.kycevents.webhook;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

/** Swagger UI renders descriptions as Markdown, where a bare {@code <base64 HMAC-SHA256>} is an HTML tag and vanishes. */
@QuarkusTest
class WebhookSignatureDescriptionTest {

    @Test
    void the_signature_header_shows_its_format_as_code() {
        JsonPath doc = given().accept("application/json").get("/q/openapi?format=json").then().statusCode(200)
                .extract().jsonPath();

        String description = doc.getString(
                "paths.'/webhooks/ralio'.post.parameters.find { it.name == 'webhook-signature' }.description");

        assertEquals("Space-separated `v1,<base64 HMAC-SHA256>` entries", description);
    }
}
