package com.example.kyc.security;

import com.example.kyc.settings.RequiredSettings;
import io.smallrye.health.api.AsyncHealthCheck;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * When the token keys come from a JWKS URL, the instance is not ready until that URL has answered
 * once: without the keys every authenticated request would fail. A key file is checked before start
 * instead (RequiredSettings). Once read, SmallRye JWT keeps and refreshes the keys itself.
 */
@Readiness
@ApplicationScoped
public class JwksReadiness implements AsyncHealthCheck {

    private static final String NAME = "jwt-keys";
    private static final Duration TIMEOUT = Duration.ofSeconds(3);

    private final Optional<URI> jwksUrl;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
    private volatile boolean read;

    JwksReadiness(@ConfigProperty(name = "mp.jwt.verify.publickey.location") Optional<String> location) {
        this.jwksUrl = location.map(String::trim).filter(RequiredSettings::isWebUrl).map(URI::create);
        this.read = jwksUrl.isEmpty();
    }

    @Override
    public Uni<HealthCheckResponse> call() {
        if (read) {
            return Uni.createFrom().item(HealthCheckResponse.up(NAME));
        }
        HttpRequest request = HttpRequest.newBuilder(jwksUrl.orElseThrow()).timeout(TIMEOUT).GET().build();
        return Uni.createFrom().completionStage(() -> http.sendAsync(request, HttpResponse.BodyHandlers.ofString()))
                .map(response -> {
                    read = response.statusCode() == 200 && response.body().contains("\"keys\"");
                    return read ? HealthCheckResponse.up(NAME) : down("answered " + response.statusCode());
                })
                .onFailure().recoverWithItem(failure -> down("unreachable: " + failure.getClass().getSimpleName()));
    }

    private HealthCheckResponse down(String why) {
        return HealthCheckResponse.named(NAME).down()
                .withData("location", jwksUrl.orElseThrow().toString())
                .withData("reason", why).build();
    }
}
