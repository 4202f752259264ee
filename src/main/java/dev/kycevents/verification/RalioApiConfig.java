package dev.kycevents.verification;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * {@code ralio.api.*}: where Ralio's API is and the key to call it with. Both are required, so a service
 * that could not start a verification refuses to start at all.
 */
@ConfigMapping(prefix = "ralio.api")
public interface RalioApiConfig {

    /** e.g. https://api.ralio.example (RALIO_API_BASE_URL); the REST client reads it via quarkus.rest-client.ralio-api.url. */
    String baseUrl();

    /** The API key from Ralio's portal (RALIO_API_KEY), sent as a bearer token; never logged or answered. */
    String key();

    /** Milliseconds to connect (RALIO_API_CONNECT_TIMEOUT); the REST client reads it via quarkus.rest-client.ralio-api.*. */
    @WithDefault("2000")
    long connectTimeout();

    /** Milliseconds to wait for the answer (RALIO_API_READ_TIMEOUT); read the same way. */
    @WithDefault("5000")
    long readTimeout();
}
