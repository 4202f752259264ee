package dev.kycevents.support;

import io.smallrye.jwt.build.Jwt;
import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/** Bearer tokens as the company's identity provider would mint them, and a few forged ones. */
public final class Tokens {

    public static final String ISSUER = "https://kyc-events.dev";

    /**
     * Signing is an RSA private-key operation, tens of milliseconds under the C1 compiler the tests run with, and
     * the suite asks for thousands of tokens: the same user's or group's token is reused for a minute, as a client
     * reuses its token. Its lifespan is set here, not left to smallrye-jwt's default, so that it stays longer.
     */
    private static final Duration REUSE = Duration.ofMinutes(1);
    private static final Duration LIFESPAN = Duration.ofMinutes(5);

    private record Minted(String token, Instant at) {
    }

    private static final Map<String, Minted> MINTED = new ConcurrentHashMap<>();

    private Tokens() {
    }

    public static String user(UUID userId) {
        return reused("user " + userId, () -> Jwt.subject(userId.toString()).issuer(ISSUER).expiresIn(LIFESPAN).sign());
    }

    public static String group(String group) {
        return reused("group " + group, () -> Jwt.subject("svc-" + group).issuer(ISSUER).groups(Set.of(group))
                .expiresIn(LIFESPAN).sign());
    }

    private static String reused(String key, Supplier<String> mint) {
        Instant now = Instant.now();
        return MINTED.compute(key, (k, minted) -> minted != null && minted.at().plus(REUSE).isAfter(now)
                ? minted : new Minted(mint.get(), now)).token();
    }

    public static String expired(UUID userId) {
        return Jwt.subject(userId.toString()).issuer(ISSUER)
                .issuedAt(Instant.now().minusSeconds(7200)).expiresAt(Instant.now().minusSeconds(3600)).sign();
    }

    /** The user's token, valid until {@code exp} (whole seconds, as JWTs carry it). */
    public static String expiringAt(UUID userId, Instant exp) {
        return Jwt.subject(userId.toString()).issuer(ISSUER)
                .issuedAt(exp.minusSeconds(300)).expiresAt(exp).sign();
    }

    public static String wrongIssuer(UUID userId) {
        return Jwt.subject(userId.toString()).issuer("https://evil.example").sign();
    }

    public static String signedByAnotherKey(UUID userId) {
        return Jwt.subject(userId.toString()).issuer(ISSUER).sign(otherKey());
    }

    /** An unsigned token ("alg": "none") claiming to be the user. */
    public static String algNone(UUID userId) {
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        long now = Instant.now().getEpochSecond();
        String header = b64.encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
        String claims = b64.encodeToString(("{\"iss\":\"" + ISSUER + "\",\"sub\":\"" + userId + "\",\"iat\":" + now
                + ",\"exp\":" + (now + 600) + ",\"groups\":[\"kyc-service\"]}").getBytes(StandardCharsets.UTF_8));
        return header + "." + claims + ".";
    }

    private static PrivateKey otherKey() {
        return RsaKeys.pair(0).getPrivate();
    }
}
