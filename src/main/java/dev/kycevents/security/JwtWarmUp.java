package dev.kycevents.security;

import io.quarkus.runtime.StartupEvent;
import io.smallrye.jwt.auth.principal.DefaultJWTParser;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.security.SecureRandom;
import org.jboss.logging.Logger;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.keys.HmacKey;

/**
 * Pays the JWT library's one-time set-up at start, on a worker thread, by verifying a token signed on the spot with
 * a key that exists only here and is trusted nowhere. The library's first use loads some 500 classes and tries which
 * of its algorithms the JVM supports: 150-180 ms here. Left to the first authenticated request, that ran on an event
 * loop and held every request and append the loop serves: in the retention benchmark no webhook completed for
 * 141-152 ms when the first admin request came in.
 */
@ApplicationScoped
class JwtWarmUp {

    private static final Logger LOG = Logger.getLogger(JwtWarmUp.class);

    void start(@Observes StartupEvent started, JWTAuthContextInfo context) {
        Infrastructure.getDefaultWorkerPool().execute(() -> warmUp(context));
    }

    /** True when the token was verified, so the whole path ran. */
    static boolean warmUp(JWTAuthContextInfo configured) {
        long begun = System.nanoTime();
        try {
            // The service's settings (issuer, skew), with the one-time key in place of the service's own.
            JWTAuthContextInfo context = new JWTAuthContextInfo(configured);
            context.setPublicVerificationKey(null);
            context.setPublicKeyLocation(null);
            context.setPublicKeyContent(null);
            byte[] secret = new byte[32];
            new SecureRandom().nextBytes(secret);
            JwtClaims claims = new JwtClaims();
            claims.setIssuer(context.getIssuedBy() == null ? "warm-up" : context.getIssuedBy());
            claims.setSubject("warm-up");
            claims.setExpirationTimeMinutesInTheFuture(1);
            claims.setIssuedAtToNow();
            JsonWebSignature jws = new JsonWebSignature();
            jws.setPayload(claims.toJson());
            jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.HMAC_SHA256);
            jws.setKey(new HmacKey(secret));
            new DefaultJWTParser(context).verify(jws.getCompactSerialization(), new HmacKey(secret));
            LOG.debugf("JWT warm-up took %d ms", (System.nanoTime() - begun) / 1_000_000);
            return true;
        } catch (Exception e) {
            // Nothing depends on it: the first request then pays the set-up itself.
            LOG.debugf("JWT warm-up: %s", e.toString());
            return false;
        }
    }
}
