package dev.kycevents.audit;

import com.fasterxml.jackson.annotation.JsonRawValue;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * One stored event as the feeds show it.
 *
 * @param payload  the stored jsonb, embedded as JSON (not as a string); null once erased
 * @param hash     lowercase hex SHA-256 (see the README's hash input)
 * @param prevHash the previous position's hash, lowercase hex
 * @param erased   the body and payload were erased at the end of the retention period
 */
public record FeedEvent(long position, UUID eventId, String type, UUID userId, @Schema(nullable = true) UUID sessionId, Instant occurredAt,
                        Instant recordedAt, String source,
                        @JsonRawValue @Schema(type = SchemaType.OBJECT, nullable = true, additionalProperties = Schema.True.class,
                                description = "The stored body as JSON: a RalioEvent for the types this service knows, "
                                        + "kept as received otherwise; null once erased") String payload,
                        String hash, String prevHash, boolean erased) {
}
