package dev.kycevents.verification;

import dev.kycevents.event.InstantRange;
import dev.kycevents.event.StorableText;
import dev.kycevents.event.Uuids;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/**
 * Ralio's answer to "create a session": its id, the page the user verifies on and, if Ralio says,
 * when that page stops working. Other fields are ignored.
 *
 * @param expiresAt null when Ralio did not say
 */
public record RalioSession(UUID id, String hostedUrl, Instant expiresAt) {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Reads the answer, refusing anything this service could not store and show as a session. */
    public static RalioSession parse(String body) {
        JsonNode root;
        try {
            root = body == null ? null : JSON.readTree(body);
        } catch (JsonProcessingException e) {
            throw malformed("the answer is not JSON");
        }
        if (root == null || !root.isObject()) {
            throw malformed("the answer is not a JSON object");
        }
        UUID id = Uuids.parse(text(root, "id")).orElseThrow(() -> malformed("id is not a UUID"));
        return new RalioSession(id, hostedUrl(text(root, "hostedUrl")), expiresAt(root.get("expiresAt")));
    }

    private static String text(JsonNode root, String field) {
        JsonNode value = root.get(field);
        return value != null && value.isTextual() ? value.textValue() : null;
    }

    // The frontend sends the user there, so only a web address will do (no javascript: or data: URLs).
    private static String hostedUrl(String text) {
        if (text == null) {
            throw malformed("hostedUrl is not a string");
        }
        // java.net.URI takes a lone surrogate; the event that records the session could then never be stored.
        String unstorable = StorableText.problem(text);
        if (unstorable != null) {
            throw malformed("hostedUrl " + unstorable);
        }
        try {
            URI uri = new URI(text);
            boolean web = "https".equalsIgnoreCase(uri.getScheme()) || "http".equalsIgnoreCase(uri.getScheme());
            if (web && uri.getHost() != null) {
                return text;
            }
        } catch (URISyntaxException e) {
            // reported below
        }
        throw malformed("hostedUrl is not an http(s) URL");
    }

    // Cut to microseconds, which is all PostgreSQL keeps, so the answer and the stored view agree.
    private static Instant expiresAt(JsonNode value) {
        if (value == null || value.isNull()) {
            return null;
        }
        if (value.isTextual()) {
            try {
                OffsetDateTime at = OffsetDateTime.parse(value.textValue(), DateTimeFormatter.ISO_OFFSET_DATE_TIME);
                if (InstantRange.contains(at.toInstant())) { // years 0001-9999 in UTC, as every reader expects
                    return at.toInstant().truncatedTo(ChronoUnit.MICROS);
                }
            } catch (DateTimeParseException e) {
                // reported below
            }
        }
        throw malformed("expiresAt is not an ISO-8601 date-time with offset");
    }

    private static RalioUnavailable malformed(String why) {
        return new RalioUnavailable("malformed answer: " + why);
    }
}
