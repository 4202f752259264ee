package com.example.kyc.audit;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** /q/openapi documents the audit endpoints: answers, security, and an example of each body. */
@QuarkusTest
class AuditOpenApiTest {

    record Endpoint(String path, String method, List<String> codes) {
    }

    static final List<Endpoint> ENDPOINTS = List.of(
            new Endpoint("/events", "get", List.of("200", "400", "401", "403")),
            new Endpoint("/users/{uid}/events", "get", List.of("200", "400", "401", "403")),
            new Endpoint("/events/{eventId}/raw", "get", List.of("200", "400", "401", "403", "404")),
            new Endpoint("/audit/export", "get", List.of("200", "400", "401", "403")),
            new Endpoint("/admin/projections/rebuild", "post", List.of("200", "401", "403", "409", "503")));

    @Test
    void every_audit_endpoint_documents_its_answers_with_examples_and_needs_a_bearer_token() {
        JsonPath doc = given().accept("application/json").get("/q/openapi?format=json").then().statusCode(200)
                .extract().jsonPath();
        for (Endpoint endpoint : ENDPOINTS) {
            String operation = "paths.'" + endpoint.path() + "'." + endpoint.method();
            Map<String, Map<String, Object>> responses = doc.getMap(operation + ".responses");
            for (String code : endpoint.codes()) {
                assertTrue(responses.containsKey(code), endpoint + " documents " + code);
                Object content = responses.get(code).get("content");
                if (content instanceof Map<?, ?> media) {
                    media.values().forEach(type -> assertTrue(((Map<?, ?>) type).containsKey("examples"),
                            endpoint + " " + code + " has an example"));
                } else {
                    assertTrue(code.equals("401"), endpoint + " " + code + " has a body");
                }
            }
            assertFalse(doc.getList(operation + ".security").isEmpty(), endpoint + " needs a token");
        }
        assertTrue(doc.getList("paths.'/users/{uid}/kyc'.get.parameters.name").contains("asOf"));
        assertTrue(doc.getMap("paths.'/audit/export'.get.responses.'200'.content").containsKey("application/x-ndjson"));
    }
}
