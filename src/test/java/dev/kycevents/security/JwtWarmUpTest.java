package dev.kycevents.security;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kycevents.support.RsaKeys;
import io.smallrye.jwt.algorithm.SignatureAlgorithm;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import java.util.Set;
import org.junit.jupiter.api.Test;

class JwtWarmUpTest {

    @Test
    void the_warm_up_runs_the_whole_verification_under_the_services_settings() {
        // As configured for the service: an issuer, RS256 only, a public key of its own.
        JWTAuthContextInfo service = new JWTAuthContextInfo();
        service.setPublicVerificationKey(RsaKeys.pair(0).getPublic());
        service.setIssuedBy("https://kyc-events.dev");
        service.setSignatureAlgorithm(Set.of(SignatureAlgorithm.RS256));
        service.setClockSkew(5);
        assertTrue(JwtWarmUp.warmUp(new JWTAuthContextInfo(service)), "verified, not refused half-way");
    }
}
