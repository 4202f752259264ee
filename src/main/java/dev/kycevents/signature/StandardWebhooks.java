package dev.kycevents.signature;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The Standard Webhooks signing scheme, shared by the side that checks Ralio's deliveries and the dev
 * stand-in that signs them as Ralio does: HMAC-SHA256 over {@code id.timestamp.body} with the key a
 * {@code whsec_} secret encodes, sent as {@code v1,<base64>}.
 */
public final class StandardWebhooks {

    /** What precedes each base64 signature in a {@code webhook-signature} header. */
    public static final String VERSION = "v1,";

    private static final String SECRET_PREFIX = "whsec_";

    private StandardWebhooks() {
    }

    /** The {@code webhook-signature} header value for one delivery. */
    public static String sign(String secret, String id, long timestamp, byte[] body) {
        return VERSION + Base64.getEncoder().encodeToString(mac(key(secret), id, Long.toString(timestamp), body));
    }

    /** The key a {@code whsec_...} secret (or its bare base64) stands for. */
    public static byte[] key(String secret) {
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

    /** The raw HMAC of one delivery, as its timestamp was sent. */
    public static byte[] mac(byte[] key, String id, String timestamp, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            mac.update((id + "." + timestamp + ".").getBytes(StandardCharsets.UTF_8));
            return mac.doFinal(body);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }
}
