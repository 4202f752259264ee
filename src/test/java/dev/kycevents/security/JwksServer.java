package dev.kycevents.security;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwk.PublicJsonWebKey;
import org.jose4j.lang.JoseException;

/**
 * An identity provider's JWKS endpoint ({@code /jwks}) on this machine; tests set what it serves. It starts serving
 * the dev key alone, without a key id, so the tokens {@code support.Tokens} signs are accepted.
 */
public class JwksServer implements QuarkusTestResourceLifecycleManager {

    public static final String PATH = "/jwks";

    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.FIELD)
    public @interface Server {
    }

    private WireMockServer server;

    @Override
    public Map<String, String> start() {
        server = new WireMockServer(options().dynamicPort());
        server.start();
        serve(server, devKeySet());
        return Map.of("mp.jwt.verify.publickey.location", server.baseUrl() + PATH);
    }

    @Override
    public void inject(TestInjector injector) {
        injector.injectIntoFields(server, new TestInjector.AnnotatedAndMatchesType(Server.class, WireMockServer.class));
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop();
        }
    }

    static void serve(WireMockServer server, String jwks) {
        server.stubFor(get(urlEqualTo(PATH)).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json")
                // A provider's own cache lifetime; the service must not wait for it.
                .withHeader("Cache-Control", "public, max-age=86400")
                .withBody(jwks)));
    }

    /** The public half of the key the test profile signs tokens with ({@code dev/jwt}). */
    static String devKeySet() {
        try {
            String pem = Files.readString(Path.of("dev/jwt/public.pem"));
            byte[] der = Base64.getMimeDecoder().decode(pem.replaceAll("-----[A-Z ]+-----", ""));
            PublicJsonWebKey jwk = PublicJsonWebKey.Factory.newPublicJwk(
                    KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(der)));
            return new JsonWebKeySet(List.of(jwk)).toJson(JsonWebKey.OutputControlLevel.PUBLIC_ONLY);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException | JoseException e) {
            throw new IllegalStateException(e);
        }
    }
}
