package dev.kycevents.security;

import io.quarkus.runtime.Startup;
import io.smallrye.jwt.auth.principal.DefaultJWTParser;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.time.Duration;
import javax.crypto.SecretKey;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jose4j.jwx.JsonWebStructure;
import org.jose4j.lang.JoseException;

/**
 * SmallRye JWT's parser, with the service's own key resolution ({@link TrustedKeys}), expiry
 * allowance and a cache of verified tokens.
 *
 * <p>Expiry: a token is refused once {@code exp} plus {@code kyc.security.clock-skew} has passed
 * (whole seconds; 0 means exactly at {@code exp}). SmallRye ignores a configured skew of 0 and
 * defaults to 60 s, so the allowance is set on the verification context here, and the cache stops
 * reusing a token at the same instant. Both compare against the system clock, as the JWT library
 * does; the service's injectable clock is for business time, which tests move by days.
 *
 * <p>Cache: a frontend's backend polls with the same token many times a second; checking its
 * signature on every request costs over a third of the CPU of a polled GET. An identical token that already
 * passed is not checked again until it expires, for at most {@code token-cache.max-age-seconds},
 * and never after its signing key is withdrawn from the JWKS (the cache is emptied then).
 */
@Alternative
@Priority(1)
@ApplicationScoped
@Startup // a wrong skew stops the start rather than the first request
public class CachingJwtParser implements JWTParser {

    private final JWTAuthContextInfo context;
    private final DefaultJWTParser delegate;
    private final VerifiedTokens verified;
    private final TrustedKeys keys;

    public CachingJwtParser(JWTAuthContextInfo context, TrustedKeys keys,
                            @ConfigProperty(name = "kyc.security.clock-skew", defaultValue = "PT5S") Duration skew,
                            @ConfigProperty(name = "kyc.security.token-cache.size", defaultValue = "10000") int size,
                            @ConfigProperty(name = "kyc.security.token-cache.max-age-seconds", defaultValue = "60")
                            long maxAgeSeconds) {
        this.context = withSkew(context, skew);
        this.delegate = new DefaultJWTParser(this.context);
        this.verified = new VerifiedTokens(size, maxAgeSeconds * 1000, skew.toMillis());
        this.keys = keys;
        keys.whenKeyRemoved(verified::clear);
    }

    static JWTAuthContextInfo withSkew(JWTAuthContextInfo configured, Duration skew) {
        if (skew.isNegative() || skew.getNano() != 0) {
            throw new IllegalArgumentException("KYC_SECURITY_CLOCK_SKEW must be a whole number of seconds, "
                    + "0 or more (e.g. PT5S), not " + skew);
        }
        JWTAuthContextInfo own = new JWTAuthContextInfo(configured);
        own.setClockSkew((int) skew.toSeconds());
        own.setExpGracePeriodSecs(0); // the deprecated grace period would replace the skew
        return own;
    }

    @Override
    public JsonWebToken parse(String token) throws ParseException {
        long now = System.currentTimeMillis();
        JsonWebToken known = verified.get(token, now);
        if (known != null) {
            return known;
        }
        long generation = verified.generation();
        JsonWebToken parsed = keys.managed() ? verifyWithTrustedKey(token) : delegate.parse(token);
        verified.put(token, parsed, now, generation);
        return parsed;
    }

    private JsonWebToken verifyWithTrustedKey(String token) throws ParseException {
        String kid;
        String alg;
        try {
            JsonWebStructure header = JsonWebStructure.fromCompactSerialization(token);
            kid = header.getKeyIdHeaderValue();
            alg = header.getAlgorithmHeaderValue();
        } catch (JoseException e) {
            throw new ParseException("not a compact JWS", e);
        }
        TrustedKey key = keys.current().find(kid, alg);
        if (key == null) {
            keys.refreshSoon();
            throw new ParseException("no trusted key for this token's kid and alg");
        }
        JWTAuthContextInfo withKey = new JWTAuthContextInfo(context);
        withKey.setPublicVerificationKey(key.key());
        return delegate.parse(token, withKey);
    }

    @Override
    public JsonWebToken parse(String token, JWTAuthContextInfo context) throws ParseException {
        return delegate.parse(token, context);
    }

    @Override
    public JsonWebToken verify(String token, PublicKey key) throws ParseException {
        return delegate.verify(token, key);
    }

    @Override
    public JsonWebToken verify(String token, SecretKey key) throws ParseException {
        return delegate.verify(token, key);
    }

    @Override
    public JsonWebToken verify(String token, String secret) throws ParseException {
        return delegate.verify(token, secret);
    }

    @Override
    public JsonWebToken decrypt(String token, PrivateKey key) throws ParseException {
        return delegate.decrypt(token, key);
    }

    @Override
    public JsonWebToken decrypt(String token, SecretKey key) throws ParseException {
        return delegate.decrypt(token, key);
    }

    @Override
    public JsonWebToken decrypt(String token, String secret) throws ParseException {
        return delegate.decrypt(token, secret);
    }

    @Override
    public JsonWebToken parseOnly(String token) throws ParseException {
        return delegate.parseOnly(token);
    }
}
