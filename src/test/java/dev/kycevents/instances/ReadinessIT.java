package dev.kycevents.instances;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static dev.kycevents.support.Webhooks.httpRequest;
import static dev.kycevents.support.Webhooks.levelEvent;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.kycevents.support.FreePorts;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwk.PublicJsonWebKey;
import org.junit.jupiter.api.Test;

/**
 * Readiness follows what the packaged service depends on, one dependency after the other on one running instance
 * (each start costs the suite seconds). Keys first: with its JWKS URL down it starts live but not ready, and is
 * ready once the keys can be read. Then the database: when it stops, the service is no longer ready (so a load
 * balancer sends nothing), stays live (so nothing restarts it for a fault that is not its own), and webhooks get a
 * 503 problem so Ralio retries.
 */
class ReadinessIT {

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void it_is_ready_only_while_its_keys_and_its_database_can_be_read_and_stays_live_throughout() throws Exception {
        WireMockServer idp = new WireMockServer(options().dynamicPort());
        idp.start();
        ItDatabase db = ItDatabase.start();
        int standInPort = FreePorts.any();
        Map<String, String> settings = Map.of(
                "MP_JWT_VERIFY_PUBLICKEY_LOCATION", idp.baseUrl() + "/jwks.json",
                // Readiness asks for a fetch at most once per forced-refresh interval (10 s by default).
                "KYC_SECURITY_JWKS_FORCED_REFRESH_INTERVAL", "PT0.5S",
                // Asking for the dev-only Ralio stand-in: a production build has no such code.
                "KYC_DEV_RALIO_STAND_IN_ENABLED", "true",
                "KYC_DEV_RALIO_STAND_IN_PORT", String.valueOf(standInPort));
        try (ServiceProcess service = ServiceProcess.start("readiness", db, settings)) {
            service.awaitStatus("/q/health/live", 200, Duration.ofSeconds(60));
            HttpResponse<String> ready = read(service, "/q/health/ready");
            assertEquals(503, ready.statusCode(), ready.body());
            assertTrue(ready.body().contains("jwt-keys"), ready.body());
            assertThrows(ConnectException.class, () -> http.send(
                            HttpRequest.newBuilder(URI.create("http://localhost:" + standInPort + "/sessions/x")).build(),
                            HttpResponse.BodyHandlers.discarding()),
                    "no Ralio stand-in in production");

            idp.stubFor(get("/jwks.json").willReturn(aResponse().withHeader("Content-Type", "application/json")
                    .withBody(oneSigningKey())));
            service.awaitStatus("/q/health/ready", 200, Duration.ofSeconds(30));

            db.close();
            ready = read(service, "/q/health/ready");
            assertEquals(503, ready.statusCode(), ready.body());
            assertTrue(ready.body().contains("DOWN"), ready.body());
            assertEquals(200, read(service, "/q/health/live").statusCode());

            byte[] body = levelEvent(UUID.randomUUID(), UUID.randomUUID(), Instant.now(), "REGULAR")
                    .getBytes(StandardCharsets.UTF_8);
            HttpResponse<String> webhook = http.send(httpRequest(service.uri("/webhooks/ralio"), body),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(503, webhook.statusCode(), webhook.body());
            assertEquals("application/problem+json", webhook.headers().firstValue("Content-Type").orElse(""));
        } finally {
            db.close();
            idp.stop();
        }
    }

    private HttpResponse<String> read(ServiceProcess service, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(service.uri(path)).timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    // A JWKS with one real ES256 key: readiness waits for a key it can verify tokens with, not merely an answer.
    private static String oneSigningKey() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        PublicJsonWebKey key = PublicJsonWebKey.Factory.newPublicJwk(generator.generateKeyPair().getPublic());
        key.setKeyId("it");
        key.setAlgorithm("ES256");
        key.setUse("sig");
        return new JsonWebKeySet(key).toJson(JsonWebKey.OutputControlLevel.PUBLIC_ONLY);
    }
}
