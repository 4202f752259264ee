package dev.kycevents.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kycevents.support.contract.ApiDocuments;
import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.BiConsumer;
import org.junit.jupiter.api.Test;

/**
 * /q/openapi documents every endpoint with a stable operationId, its answers, its security, and an
 * example of each body that its own schema accepts. (Every real exchange of the suite is checked
 * against it too: see support/contract.)
 */
@QuarkusTest
class OpenApiTest {

    // Read once, when the first test runs: the application is not listening yet while the class loads.
    private static JsonNode DOCUMENT;

    @org.junit.jupiter.api.BeforeEach
    void readTheDocument() {
        if (DOCUMENT == null) {
            DOCUMENT = ApiDocuments.fetch();
        }
    }

    private static Set<String> codes(String path, String method) {
        Set<String> codes = new HashSet<>();
        DOCUMENT.path("paths").path(path).path(method).path("responses").fieldNames().forEachRemaining(codes::add);
        return codes;
    }

    /** Each operation as "method path", with the operation. */
    private static void operations(BiConsumer<String, JsonNode> each) {
        DOCUMENT.path("paths").fields().forEachRemaining(path -> path.getValue().fields()
                .forEachRemaining(op -> each.accept(op.getKey() + " " + path.getKey(), op.getValue())));
    }

    @Test
    void the_webhook_documents_every_answer_of_the_contract() {
        assertTrue(codes("/webhooks/ralio", "post").containsAll(List.of("200", "400", "401", "409", "413", "415", "503")));
        JsonNode body = DOCUMENT.at("/paths/~1webhooks~1ralio/post/requestBody/content");
        assertEquals(List.of("application/json"), names(body));
        assertEquals("#/components/schemas/RalioEvent", body.at("/application~1json/schema/$ref").asText());
    }

    @Test
    void the_kyc_view_documents_its_answers_headers_and_security() {
        assertTrue(codes("/users/{uid}/kyc", "get").containsAll(List.of("200", "304", "400", "401", "403")));
        JsonNode view = DOCUMENT.at("/paths/~1users~1{uid}~1kyc/get");
        assertEquals("getUserKyc", view.path("operationId").asText());
        assertEquals("#/components/headers/ETag", view.at("/responses/200/headers/ETag/$ref").asText());
        assertEquals("#/components/headers/ETag", view.at("/responses/304/headers/ETag/$ref").asText());
        List<String> parameters = new ArrayList<>();
        view.path("parameters").forEach(p -> parameters.add(p.path("name").asText() + ":" + p.at("/schema/format").asText()));
        assertTrue(parameters.containsAll(List.of("uid:uuid", "asOf:date-time", "If-None-Match:")), parameters.toString());
        assertFalse(view.path("security").isEmpty(), "bearer token required");
        assertTrue(DOCUMENT.at("/components/securitySchemes").has("bearer"));
    }

    @Test
    void every_operation_has_a_unique_operation_id() {
        Set<String> ids = new HashSet<>();
        operations((name, op) -> {
            String id = op.path("operationId").asText();
            assertFalse(id.isEmpty(), name + " has an operationId");
            assertTrue(ids.add(id), id + " is unique");
        });
        assertTrue(ids.containsAll(List.of("getUserKyc", "getSession", "startIdentityVerification",
                "receiveRalioWebhook", "listEvents", "listUserEvents", "getRawEvent", "exportEvents", "verifyHashChain",
                "explainUserKyc", "rebuildProjections")), ids.toString());
    }

    @Test
    void the_document_names_its_servers_and_license() {
        assertFalse(DOCUMENT.path("servers").isEmpty());
        assertEquals("Apache-2.0", DOCUMENT.at("/info/license/name").asText());
    }

    @Test
    void every_problem_schema_is_the_one_component() {
        operations((name, op) -> op.path("responses").fields().forEachRemaining(r -> {
            JsonNode problem = r.getValue().at("/content/application~1problem+json");
            assertTrue(problem.isMissingNode(), name + " " + r.getKey() + " refers to a shared response instead");
        }));
    }

    @Test
    void every_body_has_an_example_that_its_schema_accepts() {
        List<String> wrong = new ArrayList<>();
        List<JsonNode> bodies = new ArrayList<>();
        operations((name, op) -> {
            op.path("responses").forEach(r -> bodies.add(ApiDocuments.resolve(DOCUMENT, r)));
            if (op.has("requestBody")) {
                bodies.add(op.get("requestBody"));
            }
        });
        DOCUMENT.at("/components/responses").forEach(bodies::add);
        int checked = 0;
        for (JsonNode body : bodies) {
            for (JsonNode media : body.path("content")) {
                assertTrue(media.has("examples"), body.path("description").asText() + " has an example");
                for (var example : (Iterable<java.util.Map.Entry<String, JsonNode>>) media.get("examples")::fields) {
                    var errors = ApiDocuments.check(DOCUMENT, media.get("schema"), example.getValue().get("value"));
                    checked++;
                    if (!errors.isEmpty()) {
                        wrong.add(body.path("description").asText() + " / " + example.getKey() + ": " + errors);
                    }
                }
            }
        }
        assertTrue(checked > 30, "examples checked: " + checked);
        assertEquals(List.of(), wrong);
    }

    @Test
    void the_example_checker_refuses_an_example_that_breaks_its_schema() {
        JsonNode schema = DOCUMENT.at("/components/schemas/KycResponse");
        JsonNode example = DOCUMENT.at("/paths/~1users~1{uid}~1kyc/get/responses/200/content/application~1json/examples");
        JsonNode good = example.elements().next().get("value");
        assertEquals(List.of(), ApiDocuments.check(DOCUMENT, schema, good));
        var missing = ((com.fasterxml.jackson.databind.node.ObjectNode) good.deepCopy()).without("version");
        var mistyped = ((com.fasterxml.jackson.databind.node.ObjectNode) good.deepCopy()).put("levelCode", "two");
        var nulled = ((com.fasterxml.jackson.databind.node.ObjectNode) good.deepCopy()).putNull("nextAction");
        assertFalse(ApiDocuments.check(DOCUMENT, schema, missing).isEmpty(), "a required field missing");
        assertFalse(ApiDocuments.check(DOCUMENT, schema, mistyped).isEmpty(), "a string for an integer");
        assertFalse(ApiDocuments.check(DOCUMENT, schema, nulled).isEmpty(), "null where the schema says not");
    }

    private static List<String> names(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
