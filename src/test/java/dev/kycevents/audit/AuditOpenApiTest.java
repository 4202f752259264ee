package dev.kycevents.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kycevents.support.contract.ApiDocuments;
import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import org.junit.jupiter.api.Test;

/** /q/openapi documents the audit endpoints: answers, security, typed parameters, and an example of each body. */
@QuarkusTest
class AuditOpenApiTest {

    record Endpoint(String path, String method, List<String> codes) {
    }

    static final List<Endpoint> ENDPOINTS = List.of(
            new Endpoint("/events", "get", List.of("200", "400", "401", "403")),
            new Endpoint("/users/{uid}/events", "get", List.of("200", "400", "401", "403")),
            new Endpoint("/events/{eventId}/raw", "get", List.of("200", "400", "401", "403", "404")),
            new Endpoint("/audit/export", "get", List.of("200", "400", "401", "403")),
            new Endpoint("/audit/verify", "get", List.of("200", "400", "401", "403")),
            new Endpoint("/users/{uid}/kyc/explain", "get", List.of("200", "400", "401", "403")),
            new Endpoint("/admin/projections/rebuild", "post", List.of("200", "401", "403", "409", "503")));

    @Test
    void every_audit_endpoint_documents_its_answers_with_examples_and_needs_a_bearer_token() {
        JsonNode doc = ApiDocuments.fetch();
        for (Endpoint endpoint : ENDPOINTS) {
            JsonNode operation = doc.path("paths").path(endpoint.path()).path(endpoint.method());
            for (String code : endpoint.codes()) {
                JsonNode response = ApiDocuments.resolve(doc, operation.path("responses").path(code));
                assertFalse(response.isMissingNode(), endpoint + " documents " + code);
                if (response.has("content")) {
                    response.get("content").forEach(media -> assertTrue(media.has("examples"),
                            endpoint + " " + code + " has an example"));
                } else {
                    assertTrue(code.equals("401"), endpoint + " " + code + " has a body");
                }
            }
            assertFalse(operation.path("security").isEmpty(), endpoint + " needs a token");
        }
        assertTrue(doc.at("/paths/~1audit~1export/get/responses/200/content").has("application/x-ndjson"));
    }

    @Test
    void paging_parameters_are_bounded_integers() {
        JsonNode doc = ApiDocuments.fetch();
        for (String path : List.of("/events", "/users/{uid}/events")) {
            java.util.Set<String> checked = new java.util.HashSet<>();
            for (JsonNode parameter : doc.path("paths").path(path).path("get").path("parameters")) {
                String name = parameter.path("name").asText();
                checked.add(name);
                if (name.equals("after")) {
                    assertEquals("integer", parameter.at("/schema/type").asText());
                    assertEquals(0, parameter.at("/schema/minimum").asInt());
                }
                if (name.equals("limit")) {
                    assertEquals("integer", parameter.at("/schema/type").asText());
                    assertEquals(1, parameter.at("/schema/minimum").asInt());
                    assertEquals(1000, parameter.at("/schema/maximum").asInt());
                }
            }
            assertTrue(checked.containsAll(List.of("after", "limit")), path + " declares " + checked);
        }
    }
}
