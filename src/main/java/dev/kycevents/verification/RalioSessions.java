package dev.kycevents.verification;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/** Asks Ralio for a new session; every way that can go wrong ends as {@link RalioUnavailable}. */
@ApplicationScoped
public class RalioSessions {

    // Ralio's documents define no request body; an empty object keeps JSON APIs that insist on one content.
    private static final String NO_OPTIONS = "{}";

    private final RalioApi api;
    private final String authorization;

    public RalioSessions(@RestClient RalioApi api, RalioApiConfig config) {
        this.api = api;
        // Ralio's documents do not say how the key is sent; a bearer token is the common convention.
        this.authorization = "Bearer " + config.key();
    }

    public Uni<RalioSession> create(UUID userId) {
        return api.createSession(userId, authorization, NO_OPTIONS)
                .map(RalioSession::parse)
                .onFailure().transform(RalioUnavailable::of);
    }
}
