package dev.kycevents.event;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/** Typed reads of one JSON object's fields, each failure naming the field's full path. */
final class JsonFields {


    private final JsonNode object;
    private final String path;

    private JsonFields(JsonNode object, String path) {
        this.object = object;
        this.path = path;
    }

    /** The fields of {@code node}, which must be an object; {@code path} is its own path ("" for the root). */
    static JsonFields of(JsonNode node, String path) {
        if (node == null || !node.isObject()) {
            throw new InvalidEventException(path.isEmpty() ? null : path,
                    (path.isEmpty() ? "the body" : path) + " must be a JSON object");
        }
        return new JsonFields(node, path);
    }

    String pathOf(String name) {
        return path.isEmpty() ? name : path + "." + name;
    }

    boolean has(String name) {
        JsonNode value = object.get(name);
        return value != null && !value.isNull();
    }

    JsonNode node(String name) {
        return object.get(name);
    }

    String requiredString(String name) {
        JsonNode value = object.get(name);
        if (value == null || value.isNull()) {
            throw missing(name);
        }
        if (!value.isTextual()) {
            throw new InvalidEventException(pathOf(name), pathOf(name) + " must be a string");
        }
        return value.textValue();
    }

    String optionalString(String name) {
        return has(name) ? requiredString(name) : null;
    }

    UUID requiredUuid(String name) {
        String text = requiredString(name);
        if (!canonicalUuid(text)) {
            throw new InvalidEventException(pathOf(name), pathOf(name) + " must be a UUID");
        }
        return UUID.fromString(text);
    }

    // 8-4-4-4-12 ASCII hex digits. A loop rather than a regex: a rebuild checks three ids per event.
    private static boolean canonicalUuid(String text) {
        if (text.length() != 36) {
            return false;
        }
        for (int i = 0; i < 36; i++) {
            char c = text.charAt(i);
            boolean ok = i == 8 || i == 13 || i == 18 || i == 23 ? c == '-'
                    : (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    UUID optionalUuid(String name) {
        return has(name) ? requiredUuid(name) : null;
    }

    /**
     * ISO-8601 with an offset; cut to microseconds, which is all PostgreSQL keeps. Any year that parses: intake
     * checks its own range ({@link InstantRange}), and what was stored is read back as it is.
     */
    Instant requiredInstant(String name) {
        String text = requiredString(name);
        try {
            return OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant()
                    .truncatedTo(ChronoUnit.MICROS);
        } catch (DateTimeParseException e) {
            throw new InvalidEventException(pathOf(name),
                    pathOf(name) + " must be an ISO-8601 timestamp with offset, e.g. 2025-06-19T17:14:13.123Z");
        }
    }

    Instant optionalInstant(String name) {
        return has(name) ? requiredInstant(name) : null;
    }

    InvalidEventException missing(String name) {
        return new InvalidEventException(pathOf(name), pathOf(name) + " is required");
    }
}
