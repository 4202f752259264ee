package dev.kycevents.security;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.List;
import java.util.Map;

/** Keys from a JWKS URL that the test rotates, fetched every second so the test waits little. */
public class JwksProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("kyc.security.jwks.refresh-interval", "PT1S",
                "kyc.security.jwks.forced-refresh-interval", "PT0.2S");
    }

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(JwksServer.class));
    }
}
