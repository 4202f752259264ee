package dev.kycevents.store;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.UUID;

/**
 * The tamper-evident chain over the whole log: each event's hash covers its content and the
 * previous event's hash, so changing or removing any stored event breaks every later link.
 *
 * <p>Hash input (documented in the README so auditors can recompute it): the 32 bytes of
 * {@code prev_hash}, then the UTF-8 text
 * {@code kyc-event-v1\n<position>\n<event_id>\n<event_type>\n<user_id>\n<session_id or empty>\n
 * <occurred_at epoch µs>\n<recorded_at epoch µs>\n<source>\n<content_type>\n<raw_body length>\n},
 * then the raw body bytes.
 *
 * <p>Version 2 (every row appended since erasure exists) hashes the body's SHA-256 digest instead of the body, so a row
 * whose body was erased still verifies: the 32 bytes of {@code prev_hash}, then the UTF-8 text
 * {@code kyc-event-v2\n<position>\n<event_id>\n<event_type>\n<user_id>\n<session_id or empty>\n
 * <occurred_at epoch µs>\n<recorded_at epoch µs>\n<source>\n<content_type>\n}, then the 32 bytes of
 * {@code body_digest} = SHA-256(raw body).
 */
public final class HashChain {

    /** prev_hash of the first event. */
    public static final byte[] GENESIS = new byte[32];

    private static final HexFormat HEX = HexFormat.of();

    private HashChain() {
    }

    public static byte[] hash(byte[] prevHash, long position, UUID eventId, String eventType, UUID userId,
                              UUID sessionId, Instant occurredAt, Instant recordedAt, String source,
                              String contentType, byte[] rawBody) {
        String header = "kyc-event-v1\n" + fields(position, eventId, eventType, userId, sessionId, occurredAt, recordedAt,
                source, contentType) + rawBody.length + '\n';
        return digest(prevHash, header, rawBody);
    }

    /** Hash version 2: covers {@code bodyDigest} (SHA-256 of the raw body) rather than the body. */
    public static byte[] hashV2(byte[] prevHash, long position, UUID eventId, String eventType, UUID userId,
                                UUID sessionId, Instant occurredAt, Instant recordedAt, String source,
                                String contentType, byte[] bodyDigest) {
        String header = "kyc-event-v2\n" + fields(position, eventId, eventType, userId, sessionId, occurredAt, recordedAt,
                source, contentType);
        return digest(prevHash, header, bodyDigest);
    }

    // The header lines both versions share, after the version line.
    private static String fields(long position, UUID eventId, String eventType, UUID userId, UUID sessionId,
                                 Instant occurredAt, Instant recordedAt, String source, String contentType) {
        return position + "\n" + eventId + '\n' + eventType + '\n' + userId + '\n'
                + (sessionId == null ? "" : sessionId.toString()) + '\n'
                + epochMicros(occurredAt) + '\n' + epochMicros(recordedAt) + '\n' + source + '\n' + contentType + '\n';
    }

    private static byte[] digest(byte[] prevHash, String header, byte[] body) {
        MessageDigest sha = sha256();
        sha.update(prevHash);
        sha.update(header.getBytes(StandardCharsets.UTF_8));
        sha.update(body);
        return sha.digest();
    }

    /** What version 2 hashes in place of the body, and what an erased row keeps. */
    public static byte[] bodyDigest(byte[] rawBody) {
        return sha256().digest(rawBody);
    }

    /**
     * Recomputes a stored row's hash from its content and its own prev_hash; null when that is impossible: a
     * version 1 row whose body was erased (its hash covered the body itself).
     */
    public static byte[] hashOf(EventRow row) {
        if (row.hashVersion() == EventRow.HASH_V2) {
            return hashV2(row.prevHash(), row.position(), row.eventId(), row.eventType(), row.userId(),
                    row.sessionId(), row.occurredAt(), row.recordedAt(), row.source(), row.contentType(),
                    row.bodyDigest());
        }
        if (row.rawBody() == null) {
            return null;
        }
        return hash(row.prevHash(), row.position(), row.eventId(), row.eventType(), row.userId(), row.sessionId(),
                row.occurredAt(), row.recordedAt(), row.source(), row.contentType(), row.rawBody());
    }

    public static String hex(byte[] bytes) {
        return HEX.formatHex(bytes);
    }

    /** PostgreSQL keeps microseconds; every instant is cut to that before it is stored or hashed. */
    public static Instant toMicros(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MICROS);
    }

    // Seconds and micros separately: MICROS.between goes through nanoseconds, which overflow a long outside
    // 1677-2262. This holds every instant PostgreSQL's timestamptz can (floor division: right before 1970 too).
    static long epochMicros(Instant instant) {
        return Math.addExact(Math.multiplyExact(instant.getEpochSecond(), 1_000_000L), instant.getNano() / 1000);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
