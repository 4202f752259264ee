package com.example.kyc.http;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** /q/openapi documents every endpoint: its status codes, its security, and an example of each body. */
@QuarkusTest
class OpenApiTest {

    static JsonPath document() {
        return given().accept("application/json").get("/q/openapi?format=json").then().statusCode(200)
                .extract().jsonPath();
    }

    static Map<String, Object> responses(JsonPath doc, String path, String method) {
        return doc.getMap("paths.'" + path + "'." + method + ".responses");
    }

    @Test
    void the_webhook_documents_every_answer_of_the_contract() {
        Map<String, Object> responses = responses(document(), "/webhooks/ralio", "post");
        for (String code : List.of("200", "400", "401", "409", "413", "415", "503")) {
            assertTrue(responses.containsKey(code), "webhook response " + code);
        }
    }

    @Test
    void the_kyc_view_documents_its_answers_and_security() {
        JsonPath doc = document();
        Map<String, Object> responses = responses(doc, "/users/{uid}/kyc", "get");
        for (String code : List.of("200", "304", "400", "401", "403")) {
            assertTrue(responses.containsKey(code), "view response " + code);
        }
        assertFalse(doc.getList("paths.'/users/{uid}/kyc'.get.security").isEmpty(), "bearer token required");
        assertTrue(doc.getMap("components.securitySchemes").containsKey("bearer"));
    }

    @Test
    void every_json_answer_has_an_example() {
        JsonPath doc = document();
        Map<String, Map<String, Object>> paths = doc.getMap("paths");
        paths.forEach((path, operations) -> operations.keySet().forEach(method -> {
            Map<String, Map<String, Object>> responses = doc.getMap("paths.'" + path + "'." + method + ".responses");
            responses.forEach((code, response) -> {
                Object content = response.get("content");
                if (content instanceof Map<?, ?> media) {
                    media.values().forEach(type -> assertTrue(((Map<?, ?>) type).containsKey("examples"),
                            method + " " + path + " " + code + " has an example"));
                }
            });
        }));
    }
}
