package dev.kycevents.event;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The JSON of the events this service records itself (source api), in Ralio's envelope so that every
 * reader of stored payloads reads them like the others. The same text is their payload and raw body.
 */
public final class OwnEvents {

    private static final ObjectMapper JSON = JsonLimits.mapper();

    private OwnEvents() {
    }

    /** A session this service created through Ralio's API. */
    public static String json(SessionCreated created) {
        ObjectNode root = envelope(created);
        ObjectNode data = (ObjectNode) root.get("data");
        data.put("sessionId", created.session().toString());
        data.put("hostedUrl", created.hostedUrl());
        data.put("expiresAt", created.expiresAt() == null ? null : created.expiresAt().toString());
        return text(root);
    }

    /** A retention rule or an erasure. */
    public static String json(RetentionEvent event) {
        ObjectNode root = envelope(event);
        ObjectNode data = (ObjectNode) root.get("data");
        if (event instanceof RelationshipEnded e) {
            data.put("endedAt", e.endedAt().toString());
        } else if (event instanceof LegalHoldPlaced e) {
            data.put("reason", e.reason());
        } else if (event instanceof LegalHoldReleased e) {
            data.put("reason", e.reason());
        } else if (event instanceof UserErased e) {
            data.put("rule", e.rule());
            data.put("period", e.period());
            data.put("relationshipEndedAt", e.relationshipEndedAt() == null ? null : e.relationshipEndedAt().toString());
            data.put("erasedEvents", e.erasedEvents());
            data.put("throughPosition", e.throughPosition());
        }
        return text(root);
    }

    private static ObjectNode envelope(KycEvent event) {
        ObjectNode root = JSON.createObjectNode();
        root.put("id", event.eventId().toString());
        root.put("event", event.type());
        root.put("timestamp", event.occurredAt().toString());
        root.putObject("data").put("userId", event.userId().toString());
        return root;
    }

    // Text given to this service (a hold's reason, a hosted URL from Ralio's API) meets the same jsonb rules as a
    // webhook's body: refused here with the field named, rather than by PostgreSQL at commit.
    private static String text(ObjectNode root) {
        PostgresJsonLimits.check(root, Long.MAX_VALUE);
        try {
            return JSON.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a tree built here always serialises", e);
        }
    }
}
