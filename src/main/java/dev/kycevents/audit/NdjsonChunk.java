package dev.kycevents.audit;

/**
 * Complete NDJSON lines, joined by newlines, streamed as they are. A dedicated type so that its
 * writer, not the JSON one, writes it: a plain String would be encoded again as one JSON string.
 */
public record NdjsonChunk(String lines) {
}
