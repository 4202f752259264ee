package com.example.kyc.audit;

import com.fasterxml.jackson.annotation.JsonRawValue;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * One line of the NDJSON export: every column of {@code events}, so an auditor can recompute each
 * hash offline (see the README: the header text from these fields, then the decoded raw body).
 *
 * @param payload the stored jsonb, embedded as JSON
 * @param rawBody the exact bytes received, base64 (RFC 4648, with padding)
 */
public record ExportLine(long position, UUID eventId, String type, UUID userId, @Schema(nullable = true) UUID sessionId, Instant occurredAt,
                         Instant recordedAt, String source, String contentType, @JsonRawValue @Schema(ref = "RalioEvent") String payload,
                         String rawBody, String hash, String prevHash) {
}
