package dev.kycevents.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ClockSkewSettingTest {

    @Test
    void the_skew_replaces_smallryes_including_zero() {
        JWTAuthContextInfo configured = new JWTAuthContextInfo();
        configured.setExpGracePeriodSecs(30);
        assertEquals(0, CachingJwtParser.withSkew(configured, Duration.ZERO).getClockSkew());
        assertEquals(0, CachingJwtParser.withSkew(configured, Duration.ZERO).getExpGracePeriodSecs());
        assertEquals(5, CachingJwtParser.withSkew(configured, Duration.ofSeconds(5)).getClockSkew());
        assertEquals(60, configured.getClockSkew(), "the configured context is left as it was");
    }

    @Test
    void a_negative_or_fractional_skew_is_refused_naming_the_variable() {
        JWTAuthContextInfo configured = new JWTAuthContextInfo();
        IllegalArgumentException negative = assertThrows(IllegalArgumentException.class,
                () -> CachingJwtParser.withSkew(configured, Duration.ofSeconds(-1)));
        assertEquals(true, negative.getMessage().contains("KYC_SECURITY_CLOCK_SKEW"));
        assertThrows(IllegalArgumentException.class, () -> CachingJwtParser.withSkew(configured, Duration.ofMillis(1500)));
    }
}
