package dev.kycevents.audit;

import com.fasterxml.jackson.annotation.JsonRawValue;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * One line of the NDJSON export: every column of {@code events}, so an auditor can recompute each
 * hash offline (see the README: the header text from these fields, then the decoded raw body).
 *
 * @param payload the stored jsonb, embedded as JSON
 * @param rawBody     the exact bytes received, base64 (RFC 4648, with padding); null once erased
 * @param hashVersion 1: the hash covers the raw body; 2: it covers bodyDigest (see the README)
 * @param bodyDigest  SHA-256 of the raw body, hex; kept when the body is erased (null on version 1 rows not erased)
 * @param erased      the body and payload were erased at the end of the retention period
 */
public record ExportLine(long position, UUID eventId, String type, UUID userId, @Schema(nullable = true) UUID sessionId, Instant occurredAt,
                         Instant recordedAt, String source, String contentType,
                         @JsonRawValue @Schema(type = SchemaType.OBJECT, nullable = true, additionalProperties = Schema.True.class,
                                description = "The stored body as JSON: a RalioEvent for the types this service knows, "
                                        + "kept as received otherwise; null once erased") String payload,
                         @Schema(nullable = true) String rawBody, String hash, String prevHash, int hashVersion,
                         @Schema(nullable = true) String bodyDigest, boolean erased) {
}
