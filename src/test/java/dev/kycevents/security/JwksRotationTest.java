package dev.kycevents.security;

import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.restassured.RestAssured.given;

import dev.kycevents.support.RsaKeys;
import dev.kycevents.support.SharedProfile;
import dev.kycevents.support.Tokens;
import com.github.tomakehurst.wiremock.WireMockServer;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.ValidatableResponse;
import io.smallrye.jwt.algorithm.SignatureAlgorithm;
import io.smallrye.jwt.build.Jwt;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.util.Arrays;
import java.util.Date;
import java.util.UUID;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwk.PublicJsonWebKey;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Keys from the identity provider's JWKS: RS256 and ES256 tokens are accepted, a key added to the
 * JWKS is accepted after the next fetch, a key withdrawn from it is refused after the next fetch,
 * even for a token verified (and cached) while the key was published.
 */
@QuarkusTest
@TestProfile(SharedProfile.class)
class JwksRotationTest {

    static final KeyPair RSA_A = RsaKeys.pair(1);
    static final KeyPair EC_B = ec();
    static final KeyPair RSA_C = RsaKeys.pair(2);
    static final Duration PATIENCE = Duration.ofSeconds(30);

    @JwksServer.Server
    WireMockServer idp;

    final UUID user = UUID.randomUUID();

    @Test
    void rs256_and_es256_tokens_signed_with_published_keys_are_accepted() throws Exception {
        publish(jwk("a", RSA_A, "RS256"), jwk("b", EC_B, null));
        view(token("a", RSA_A, SignatureAlgorithm.RS256)).statusCode(200);
        view(token("b", EC_B, SignatureAlgorithm.ES256)).statusCode(200);
    }

    @Test
    void a_token_whose_header_names_another_algorithm_than_the_key_is_401() throws Exception {
        publish(jwk("a", RSA_A, "RS256"));
        view(token("a", RSA_A, SignatureAlgorithm.PS256)).statusCode(401);
    }

    @Test
    void a_key_added_to_the_jwks_is_accepted_after_the_next_fetch() throws Exception {
        publish(jwk("a", RSA_A, "RS256"));
        String newKeyToken = token("c", RSA_C, SignatureAlgorithm.RS256);
        view(newKeyToken).statusCode(401).contentType("application/problem+json");

        publish(jwk("a", RSA_A, "RS256"), jwk("c", RSA_C, "RS256"));
        view(newKeyToken).statusCode(200);
    }

    @Test
    void a_key_withdrawn_from_the_jwks_is_refused_after_the_next_fetch_even_for_a_cached_token() throws Exception {
        publish(jwk("a", RSA_A, "RS256"), jwk("c", RSA_C, "RS256"));
        String oldKeyToken = token("a", RSA_A, SignatureAlgorithm.RS256);
        view(oldKeyToken).statusCode(200);
        view(oldKeyToken).statusCode(200); // verified once, now reused from the cache

        publish(jwk("c", RSA_C, "RS256"));
        view(oldKeyToken).statusCode(401).contentType("application/problem+json");
        view(token("c", RSA_C, SignatureAlgorithm.RS256)).statusCode(200);
    }

    /** Serves these keys, and returns once the service has fetched and applied them. */
    void publish(PublicJsonWebKey... keys) throws InterruptedException {
        serveAndAwait(new JsonWebKeySet(Arrays.asList(keys)).toJson(JsonWebKey.OutputControlLevel.PUBLIC_ONLY));
    }

    /** The other tests of the profile sign with the dev key: each test here leaves it published alone. */
    @AfterEach
    void publishTheDevKeyAgain() throws InterruptedException {
        serveAndAwait(JwksServer.devKeySet());
    }

    void serveAndAwait(String json) throws InterruptedException {
        JwksServer.serve(idp, json);
        // Taken once the new keys are served, so no fetch that served the old ones counts. Fetches never overlap:
        // once a second one has started after the change, the first one (which served the new keys) is applied.
        Date changed = new Date();
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (fetchesSince(changed) < 2) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the service did not fetch the JWKS again within " + PATIENCE);
            }
            Thread.sleep(20);
        }
    }

    long fetchesSince(Date changed) {
        return idp.findAll(getRequestedFor(urlEqualTo(JwksServer.PATH))).stream()
                .filter(r -> r.getLoggedDate().after(changed)).count();
    }

    ValidatableResponse view(String token) {
        return given().auth().oauth2(token).get("/users/{uid}/kyc", user).then();
    }

    String token(String kid, KeyPair pair, SignatureAlgorithm alg) {
        return Jwt.subject(user.toString()).issuer(Tokens.ISSUER).jws().keyId(kid).algorithm(alg)
                .sign(pair.getPrivate());
    }

    static PublicJsonWebKey jwk(String kid, KeyPair pair, String alg) {
        try {
            PublicJsonWebKey jwk = PublicJsonWebKey.Factory.newPublicJwk(pair.getPublic());
            jwk.setKeyId(kid);
            if (alg != null) {
                jwk.setAlgorithm(alg);
            }
            return jwk;
        } catch (org.jose4j.lang.JoseException e) {
            throw new IllegalStateException(e);
        }
    }


    static KeyPair ec() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            return generator.generateKeyPair();
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
