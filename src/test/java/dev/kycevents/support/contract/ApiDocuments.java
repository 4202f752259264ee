package dev.kycevents.support.contract;

import static io.restassured.RestAssured.given;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.dialect.Dialects;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/** The running application's /q/openapi, and a JSON Schema check of a value against one of its schemas. */
public final class ApiDocuments {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final SchemaRegistry SCHEMAS = SchemaRegistry.withDialect(Dialects.getOpenApi30());

    private ApiDocuments() {
    }

    public static JsonNode fetch() {
        String body = given().accept("application/json").get("/q/openapi?format=json").then().statusCode(200)
                .extract().asString();
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A response as the operation declares it, following a {@code $ref} into components.responses. */
    public static JsonNode resolve(JsonNode document, JsonNode maybeRef) {
        if (!maybeRef.has("$ref")) {
            return maybeRef;
        }
        JsonNode target = document;
        for (String part : maybeRef.get("$ref").asText().substring(2).split("/")) {
            target = target.path(part.replace("~1", "/").replace("~0", "~"));
        }
        return target;
    }

    /**
     * What is wrong with {@code value} by {@code schema}, a schema of {@code document} (its references
     * point into the document's components); empty when nothing is.
     */
    public static List<Error> check(JsonNode document, JsonNode schema, JsonNode value) {
        ObjectNode standalone = JSON.createObjectNode();
        standalone.putArray("allOf").add(schema);
        standalone.set("components", document.get("components")); // "#/components/..." resolves here
        return SCHEMAS.getSchema(standalone.toString(), InputFormat.JSON).validate(value.toString(), InputFormat.JSON);
    }
}
