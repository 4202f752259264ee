package dev.kycevents.webhook;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Standard Webhooks signatures: HMAC-SHA256 over {@code id.timestamp.body}, with the raw body
 * bytes, checked before anything parses them. Several secrets are accepted at once so a key can
 * be rotated without refusing deliveries signed with the old one.
 */
public final class WebhookSignature {

    private static final String SECRET_PREFIX = "whsec_";
    private static final String VERSION = "v1,";

    private final List<byte[]> keys;
    private final Duration tolerance;

    public WebhookSignature(List<String> secrets, Duration tolerance) {
        this.keys = secrets.stream().map(String::trim).filter(s -> !s.isEmpty()).map(WebhookSignature::key).toList();
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
            byte[] expected = hmac(key, id, timestamp.trim(), body);
            for (String entry : signatures.trim().split(" +")) {
                if (entry.startsWith(VERSION) && MessageDigest.isEqual(expected, decode(entry.substring(VERSION.length())))) {
                    return SignatureVerdict.VALID;
                }
            }
        }
        return SignatureVerdict.NO_MATCHING_SIGNATURE;
    }

    /** The {@code webhook-signature} header value Ralio would send: {@code v1,<base64>}. */
    public static String sign(String secret, String id, long timestamp, byte[] body) {
        return VERSION + Base64.getEncoder().encodeToString(hmac(key(secret), id, Long.toString(timestamp), body));
    }

    private static byte[] hmac(byte[] key, String id, String timestamp, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            mac.update((id + "." + timestamp + ".").getBytes(StandardCharsets.UTF_8));
            return mac.doFinal(body);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }

    private static byte[] key(String secret) {
        String encoded = secret.startsWith(SECRET_PREFIX) ? secret.substring(SECRET_PREFIX.length()) : secret;
        try {
            byte[] key = Base64.getDecoder().decode(encoded);
            if (key.length == 0) {
                throw new IllegalArgumentException("empty");
            }
            return key;
        } catch (IllegalArgumentException e) {
            // Never echo the secret, not even in part.
            throw new IllegalArgumentException("A webhook secret is not whsec_ followed by base64");
        }
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
