package dev.kycevents.event;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Turns a webhook body into a {@link KycEvent}, strictly: a body that is not exactly one
 * well-formed event is refused with the field at fault, before anything is stored. Also reads
 * stored payloads back.
 */
public final class EventParser {

    private static final ObjectMapper STRICT = JsonLimits.mapper();

    /** The event and the payload to store as jsonb: the body as parsed, unknown fields kept. */
    public record ParsedEvent(KycEvent event, String payloadJson) {
    }

    private EventParser() {
    }

    /** A body from Ralio. */
    public static ParsedEvent parseWebhook(byte[] body) {
        JsonNode root = readTree(utf8(body));
        PostgresJsonLimits.check(root, JsonLimits.maxStoredLength(body.length));
        KycEvent event = toEvent(root, false);
        if (!InstantRange.contains(event.occurredAt())) {
            throw new InvalidEventException("timestamp", "timestamp must be from " + InstantRange.FIRST
                    + " to " + InstantRange.LAST + " (UTC)");
        }
        return new ParsedEvent(event, payloadText(root));
    }

    /** A payload read back from the event store (any type, this service's own included; checked when stored). */
    public static ParsedEvent decodeStored(String payloadJson) {
        JsonNode root = readTree(payloadJson);
        return new ParsedEvent(toEvent(root, true), payloadJson);
    }

    private static String utf8(byte[] body) {
        if (body.length >= 3 && body[0] == (byte) 0xEF && body[1] == (byte) 0xBB && body[2] == (byte) 0xBF) {
            throw new InvalidEventException(null, "the body must not start with a byte order mark");
        }
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(body)).toString();
        } catch (CharacterCodingException e) {
            throw new InvalidEventException(null, "the body is not valid UTF-8");
        }
    }

    // The parser is kept so that a refusal can name where it stopped (a field, or the body).
    private static JsonNode readTree(String json) {
        JsonNode root;
        JsonParser parser = null;
        try (JsonParser opened = STRICT.createParser(json)) {
            parser = opened;
            root = STRICT.readTree(parser);
        } catch (StreamConstraintsException e) {
            String field = field(parser);
            throw new InvalidEventException(field, (field == null ? "the body" : field) + " is beyond the JSON limits"
                    + " (numbers of " + JsonLimits.MAX_STORED_NUMBER_LENGTH + " characters, strings of "
                    + JsonLimits.MAX_STRING_LENGTH + ", names of " + JsonLimits.MAX_NAME_LENGTH + ", nesting "
                    + JsonLimits.MAX_DEPTH + " deep)");
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String where = at == null ? "" : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")";
            throw new InvalidEventException(field(parser), "the body is not a single valid JSON value" + where);
        } catch (NumberFormatException e) {
            // Jackson refuses some numbers (exponents beyond an int) only when converting them.
            String field = field(parser);
            throw new InvalidEventException(field, (field == null ? "the body" : field)
                    + " holds a number that cannot be read");
        } catch (IOException e) {
            throw new IllegalStateException("reading JSON from memory cannot fail on I/O", e);
        }
        if (root == null || root.isMissingNode()) {
            throw new InvalidEventException(null, "the body is empty");
        }
        return root;
    }

    /** Where the parser is, as a path like {@code data.checks[0].type}; null at the top level. */
    private static String field(JsonParser parser) {
        if (parser == null) {
            return null;
        }
        List<JsonStreamContext> contexts = new ArrayList<>();
        for (JsonStreamContext at = parser.getParsingContext(); at != null && !at.inRoot(); at = at.getParent()) {
            contexts.add(0, at);
        }
        StringBuilder path = new StringBuilder();
        for (JsonStreamContext at : contexts) {
            if (at.inArray()) {
                path.append('[').append(Math.max(at.getCurrentIndex(), 0)).append(']');
            } else if (at.getCurrentName() != null) {
                path.append(path.length() == 0 ? "" : ".").append(at.getCurrentName());
            }
        }
        return path.length() == 0 ? null : path.toString();
    }

    private static KycEvent toEvent(JsonNode root, boolean ownTypesAllowed) {
        JsonFields envelope = JsonFields.of(root, "");
        UUID id = envelope.requiredUuid("id");
        String type = envelope.requiredString("event");
        if (type.isEmpty() || type.length() > 100) {
            throw new InvalidEventException("event", "event must be a type name of 1 to 100 characters");
        }
        Instant at = envelope.requiredInstant("timestamp");
        if (!envelope.has("data")) {
            throw envelope.missing("data");
        }
        JsonFields data = JsonFields.of(envelope.node("data"), "data");
        UUID user = data.requiredUuid("userId");

        if (!ownTypesAllowed && EventTypes.OWN_TYPES.contains(type)) {
            throw new InvalidEventException("event", type + " is recorded by this service, not delivered by Ralio");
        }
        switch (type) {
            case EventTypes.SESSION_VERIFIED:
                return new SessionVerified(id, user, data.requiredUuid("sessionId"), at, checks(data));
            case EventTypes.SESSION_MANUAL_REVIEW:
                return new SessionSentToReview(id, user, data.requiredUuid("sessionId"), at, checks(data));
            case EventTypes.SESSION_FAILED:
                return new SessionFailed(id, user, data.requiredUuid("sessionId"), at, checks(data));
            case EventTypes.SESSION_EXPIRED:
                return new SessionExpired(id, user, data.requiredUuid("sessionId"), at, checks(data));
            case EventTypes.STATE_UPDATED:
                return new KycStateUpdated(id, user, at, level(data));
            case EventTypes.SESSION_CREATED:
                return new SessionCreated(id, user, data.requiredUuid("sessionId"), at, data.optionalString("hostedUrl"),
                        data.optionalInstant("expiresAt"));
            case EventTypes.RELATIONSHIP_ENDED:
                return new RelationshipEnded(id, user, at, data.requiredInstant("endedAt"));
            case EventTypes.LEGAL_HOLD_PLACED:
                return new LegalHoldPlaced(id, user, at, data.optionalString("reason"));
            case EventTypes.LEGAL_HOLD_RELEASED:
                return new LegalHoldReleased(id, user, at, data.optionalString("reason"));
            case EventTypes.USER_ERASED:
                return new UserErased(id, user, at, data.requiredString("rule"), data.optionalString("period"),
                        data.optionalInstant("relationshipEndedAt"), data.node("erasedEvents").asLong(),
                        data.node("throughPosition").asLong());
            default:
                return new Unrecognised(id, type, user, data.optionalUuid("sessionId"), at);
        }
    }

    private static KycLevel level(JsonFields data) {
        String state = data.requiredString("state");
        try {
            return KycLevel.valueOf(state);
        } catch (IllegalArgumentException e) {
            throw new InvalidEventException("data.state", "data.state must be LIGHT or REGULAR");
        }
    }

    private static List<Check> checks(JsonFields data) {
        if (!data.has("checks")) {
            return List.of();
        }
        JsonNode array = data.node("checks");
        if (!array.isArray()) {
            throw new InvalidEventException("data.checks", "data.checks must be an array");
        }
        List<Check> checks = new ArrayList<>(array.size());
        for (int i = 0; i < array.size(); i++) {
            JsonFields check = JsonFields.of(array.get(i), "data.checks[" + i + "]");
            checks.add(new Check(check.requiredString("type"), check.requiredString("state"), reasons(check)));
        }
        return checks;
    }

    private static List<Reason> reasons(JsonFields check) {
        if (!check.has("reasons")) {
            return List.of();
        }
        JsonNode array = check.node("reasons");
        String path = check.pathOf("reasons");
        if (!array.isArray()) {
            throw new InvalidEventException(path, path + " must be an array");
        }
        List<Reason> reasons = new ArrayList<>(array.size());
        for (int i = 0; i < array.size(); i++) {
            JsonFields reason = JsonFields.of(array.get(i), path + "[" + i + "]");
            reasons.add(new Reason(reason.optionalString("type"), reason.optionalString("code"),
                    reason.optionalString("message")));
        }
        return reasons;
    }

    // The stored payload is the tree as parsed, serialised compactly: the same text for the same fields.
    private static String payloadText(JsonNode node) {
        try {
            return STRICT.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a parsed tree always serialises", e);
        }
    }
}
