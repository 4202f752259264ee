package com.example.kyc.security;

import io.smallrye.jwt.auth.principal.DefaultJWTParser;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.time.Clock;
import javax.crypto.SecretKey;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * SmallRye JWT's parser, with verified bearer tokens remembered. A frontend's backend polls with
 * the same token many times a second; checking its RSA signature each time was over a third of the
 * CPU of a cached GET. Verification itself is unchanged: it is simply not repeated for an identical
 * token that already passed it and has not expired.
 */
@Alternative
@Priority(1)
@ApplicationScoped
public class CachingJwtParser implements JWTParser {

    private final DefaultJWTParser delegate;
    private final VerifiedTokens verified;
    private final Clock clock;

    public CachingJwtParser(JWTAuthContextInfo context, Clock clock,
                            @ConfigProperty(name = "kyc.security.token-cache.size", defaultValue = "10000") int size,
                            @ConfigProperty(name = "kyc.security.token-cache.max-age-seconds", defaultValue = "60")
                            long maxAgeSeconds) {
        this.delegate = new DefaultJWTParser(context);
        this.verified = new VerifiedTokens(size, maxAgeSeconds * 1000);
        this.clock = clock;
    }

    @Override
    public JsonWebToken parse(String token) throws ParseException {
        long now = clock.millis();
        JsonWebToken known = verified.get(token, now);
        if (known != null) {
            return known;
        }
        JsonWebToken parsed = delegate.parse(token);
        verified.put(token, parsed, now);
        return parsed;
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
