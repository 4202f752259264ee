package dev.kycevents.webhook;

import dev.kycevents.signature.StandardWebhooks;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;

/**
 * Checks Standard Webhooks signatures ({@link StandardWebhooks}) over the raw body bytes, before
 * anything parses them. Several secrets are accepted at once so a key can be rotated without refusing
 * deliveries signed with the old one.
 */
public final class WebhookSignature {

    private final List<byte[]> keys;
    private final Duration tolerance;

    public WebhookSignature(List<String> secrets, Duration tolerance) {
        this.keys = secrets.stream().map(String::trim).filter(s -> !s.isEmpty()).map(StandardWebhooks::key).toList();
        this.tolerance = tolerance;
    }

    public SignatureVerdict verify(String id, String timestamp, String signatures, byte[] body, Instant now) {
        if (isBlank(id) || isBlank(timestamp) || isBlank(signatures)) {
            return SignatureVerdict.MISSING_HEADERS;
        }
        long sentAt;
        try {
            sentAt = Long.parseLong(timestamp.trim());
        } catch (NumberFormatException e) {
            return SignatureVerdict.BAD_TIMESTAMP;
        }
        // Both ways: an old timestamp is a replay, a future one a forged clock.
        if (sentAt < now.getEpochSecond() - tolerance.toSeconds()) {
            return SignatureVerdict.TIMESTAMP_TOO_OLD;
        }
        if (sentAt > now.getEpochSecond() + tolerance.toSeconds()) {
            return SignatureVerdict.TIMESTAMP_IN_FUTURE;
        }
        for (byte[] key : keys) {
            byte[] expected = StandardWebhooks.mac(key, id, timestamp.trim(), body);
            for (String entry : signatures.trim().split(" +")) {
                if (entry.startsWith(StandardWebhooks.VERSION)
                        && MessageDigest.isEqual(expected, decode(entry.substring(StandardWebhooks.VERSION.length())))) {
                    return SignatureVerdict.VALID;
                }
            }
        }
        return SignatureVerdict.NO_MATCHING_SIGNATURE;
    }

    private static byte[] decode(String base64) {
        try {
            return Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            return new byte[0];
        }
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
