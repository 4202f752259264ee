package dev.kycevents.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.smallrye.jwt.auth.principal.DefaultJWTCallerPrincipal;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jose4j.jwt.JwtClaims;
import org.junit.jupiter.api.Test;

class VerifiedTokensTest {

    static final long NOW = 1_700_000_000_000L;

    static JsonWebToken expiringAt(long epochSeconds) {
        JwtClaims claims = new JwtClaims();
        claims.setSubject("u");
        claims.setExpirationTime(org.jose4j.jwt.NumericDate.fromSeconds(epochSeconds));
        return new DefaultJWTCallerPrincipal("t", claims);
    }

    @Test
    void a_verified_token_is_reused_until_its_expiry() {
        VerifiedTokens tokens = new VerifiedTokens(10, 60_000, 0);
        JsonWebToken jwt = expiringAt(NOW / 1000 + 30);
        tokens.put("abc", jwt, NOW, tokens.generation());
        assertSame(jwt, tokens.get("abc", NOW + 29_000));
        assertNull(tokens.get("abc", NOW + 30_000), "expired tokens are verified again (and refused)");
    }

    @Test
    void reuse_never_outlives_the_maximum_age() {
        VerifiedTokens tokens = new VerifiedTokens(10, 60_000, 0);
        tokens.put("abc", expiringAt(NOW / 1000 + 3600), NOW, tokens.generation());
        assertNull(tokens.get("abc", NOW + 60_000));
    }

    @Test
    void only_the_identical_token_matches() {
        VerifiedTokens tokens = new VerifiedTokens(10, 60_000, 0);
        tokens.put("abc", expiringAt(NOW / 1000 + 30), NOW, tokens.generation());
        assertNull(tokens.get("abd", NOW));
    }

    @Test
    void a_full_cache_drops_expired_entries_and_never_grows_past_its_bound() {
        VerifiedTokens tokens = new VerifiedTokens(2, 60_000, 0);
        tokens.put("a", expiringAt(NOW / 1000 + 1), NOW, tokens.generation());
        tokens.put("b", expiringAt(NOW / 1000 + 100), NOW, tokens.generation());
        tokens.put("c", expiringAt(NOW / 1000 + 100), NOW + 2_000, tokens.generation()); // "a" has expired: makes room
        tokens.put("d", expiringAt(NOW / 1000 + 100), NOW + 2_000, tokens.generation()); // full of live tokens: not kept
        assertEquals(2, tokens.size());
        assertNull(tokens.get("d", NOW + 2_000));
    }

    @Test
    void a_full_cache_scans_for_expired_entries_at_most_once_a_second() {
        VerifiedTokens tokens = new VerifiedTokens(1, 60_000, 0);
        tokens.put("a", expiringAt(NOW / 1000 + 1), NOW, tokens.generation());
        tokens.put("b", expiringAt(NOW / 1000 + 100), NOW + 500, tokens.generation()); // scans: "a" is live
        tokens.put("c", expiringAt(NOW / 1000 + 100), NOW + 1_200, tokens.generation()); // "a" expired, no scan yet
        assertNull(tokens.get("c", NOW + 1_200));
        tokens.put("d", expiringAt(NOW / 1000 + 100), NOW + 1_600, tokens.generation()); // a second later: scans
        assertEquals(1, tokens.size());
        assertNotNull(tokens.get("d", NOW + 1_600));
    }

    @Test
    void reuse_ends_at_expiry_plus_the_clock_skew_when_verification_would_refuse_it() {
        VerifiedTokens tokens = new VerifiedTokens(10, 60_000, 5_000);
        JsonWebToken jwt = expiringAt(NOW / 1000 + 30);
        tokens.put("abc", jwt, NOW, tokens.generation());
        assertSame(jwt, tokens.get("abc", NOW + 34_999));
        assertNull(tokens.get("abc", NOW + 35_000));
    }

    @Test
    void clearing_forgets_every_token_and_refuses_one_verified_before_the_clear() {
        VerifiedTokens tokens = new VerifiedTokens(10, 60_000, 0);
        tokens.put("abc", expiringAt(NOW / 1000 + 30), NOW, tokens.generation());
        long before = tokens.generation();
        tokens.clear();
        assertNull(tokens.get("abc", NOW));
        tokens.put("def", expiringAt(NOW / 1000 + 30), NOW, before); // its key may be the one withdrawn
        assertNull(tokens.get("def", NOW));
    }
}
