package dev.kycevents.http;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.media.Schema.SchemaType;

/**
 * Two rules that make the component schemas say exactly what the answers hold.
 *
 * <p>Required: every property of every component schema is required, unless the schema lists its
 * required properties itself. The answers are records that Jackson writes whole, so every property is
 * always present (null where its schema says nullable); the two records written without their null
 * members ({@link Problem}, the webhook receipt) say which are required with
 * {@code @Schema(requiredProperties)}.
 *
 * <p>Nullable references: a nullable property whose type is another component (a {@code UUID},
 * an {@code Instant}, an enum, a record) gets that component's schema written in place, marked
 * nullable. In OpenAPI 3.0 the only other spelling, {@code allOf: [$ref] + nullable}, is read by the
 * validators and Redocly as "never null", since the referenced schema alone refuses null.
 */
@OpenApiFilter(OpenApiFilter.RunStage.BUILD)
public class ExactSchemas implements OASFilter {

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getComponents() == null || openAPI.getComponents().getSchemas() == null) {
            return;
        }
        Map<String, Schema> components = openAPI.getComponents().getSchemas();
        for (Schema schema : components.values()) {
            Map<String, Schema> properties = schema.getProperties();
            if (properties != null && !properties.isEmpty()
                    && (schema.getRequired() == null || schema.getRequired().isEmpty())) {
                schema.setRequired(new ArrayList<>(properties.keySet()));
            }
        }
        // Second pass: the schemas copied in place already say what they require.
        Set<String> inlined = new HashSet<>();
        for (Schema schema : components.values()) {
            if (schema.getProperties() != null) {
                schema.getProperties().values().forEach(property -> inlineNullableReference(property, components, inlined));
            }
        }
        // A component only ever used as a nullable property (ChainProblem) is written in place alone: drop it.
        Set<String> used = new HashSet<>();
        components.values().forEach(schema -> references(schema, used));
        if (openAPI.getPaths() != null) {
            openAPI.getPaths().getPathItems().values().forEach(item -> item.getOperations().values()
                    .forEach(operation -> references(operation, used)));
        }
        inlined.stream().filter(name -> !used.contains(name))
                .forEach(name -> openAPI.getComponents().removeSchema(name));
    }

    private static void references(Operation operation, Set<String> used) {
        if (operation.getParameters() != null) {
            operation.getParameters().forEach(parameter -> references(parameter.getSchema(), used));
        }
        if (operation.getRequestBody() != null) {
            references(operation.getRequestBody().getContent(), used);
        }
        if (operation.getResponses() != null) {
            operation.getResponses().getAPIResponses().values().forEach(r -> references(r.getContent(), used));
        }
    }

    private static void references(Content content, Set<String> used) {
        if (content != null) {
            content.getMediaTypes().values().forEach(media -> references(media.getSchema(), used));
        }
    }

    private static void references(Schema schema, Set<String> used) {
        if (schema == null) {
            return;
        }
        if (schema.getRef() != null) {
            used.add(schema.getRef().substring(schema.getRef().lastIndexOf('/') + 1));
        }
        List<Schema> children = new ArrayList<>();
        if (schema.getProperties() != null) {
            children.addAll(schema.getProperties().values());
        }
        for (List<Schema> members : Arrays.asList(schema.getAllOf(), schema.getAnyOf(), schema.getOneOf())) {
            if (members != null) {
                children.addAll(members);
            }
        }
        children.add(schema.getItems());
        children.forEach(child -> references(child, used));
    }

    private static void inlineNullableReference(Schema property, Map<String, Schema> components, Set<String> inlined) {
        List<Schema> members = new ArrayList<>();
        if (property.getAllOf() != null) {
            members.addAll(property.getAllOf());
        }
        if (property.getAnyOf() != null) {
            members.addAll(property.getAnyOf());
        }
        Schema reference = members.stream().filter(m -> m.getRef() != null).findFirst().orElse(null);
        boolean nullable = (property.getType() != null && property.getType().contains(SchemaType.NULL))
                || members.stream().anyMatch(m -> m.getType() != null && m.getType().equals(List.of(SchemaType.NULL)));
        if (reference == null || !nullable || members.size() > 2) {
            return;
        }
        String name = reference.getRef().substring(reference.getRef().lastIndexOf('/') + 1);
        Schema target = components.get(name);
        inlined.add(name);
        property.setAllOf(null);
        property.setAnyOf(null);
        target.getAll().forEach((key, value) -> {
            if (property.get(key) == null) {
                property.set(key, value);
            }
        });
        List<SchemaType> type = new ArrayList<>(target.getType() == null ? List.of() : target.getType());
        type.add(SchemaType.NULL);
        property.setType(type);
        if (target.getEnumeration() != null) {
            List<Object> values = new ArrayList<>(target.getEnumeration());
            values.add(null);
            property.setEnumeration(values);
        }
    }
}
