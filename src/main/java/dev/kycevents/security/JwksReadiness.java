package dev.kycevents.security;

import io.smallrye.health.api.AsyncHealthCheck;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Not ready while no token key is held: without one every authenticated request would fail. Only a
 * JWKS URL can get there (a key file is read before start, or the start stops); each probe in that
 * state asks {@link TrustedKeys} for a fetch, which it grants at most once per forced-refresh interval.
 */
@Readiness
@ApplicationScoped
public class JwksReadiness implements AsyncHealthCheck {

    private static final String NAME = "jwt-keys";

    private final TrustedKeys keys;

    JwksReadiness(TrustedKeys keys) {
        this.keys = keys;
    }

    @Override
    public Uni<HealthCheckResponse> call() {
        if (keys.hasKeys()) {
            return Uni.createFrom().item(HealthCheckResponse.up(NAME));
        }
        keys.refreshSoon();
        return Uni.createFrom().item(HealthCheckResponse.named(NAME).down()
                .withData("reason", "no signing key fetched yet from MP_JWT_VERIFY_PUBLICKEY_LOCATION").build());
    }
}
