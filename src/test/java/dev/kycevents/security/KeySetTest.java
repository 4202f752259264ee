package dev.kycevents.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kycevents.support.RsaKeys;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.spec.ECGenParameterSpec;
import java.util.List;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwk.PublicJsonWebKey;
import org.junit.jupiter.api.Test;

class KeySetTest {

    static PublicKey rsa(int which) {
        return RsaKeys.pair(which).getPublic();
    }

    static PublicKey ec() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        return generator.generateKeyPair().getPublic();
    }

    @Test
    void a_token_finds_its_key_by_kid_and_only_for_the_published_algorithm() throws Exception {
        TrustedKey a = new TrustedKey("a", "RS256", rsa(1));
        TrustedKey b = new TrustedKey("b", null, ec());
        KeySet keys = new KeySet(List.of(a, b));
        assertEquals(a, keys.find("a", "RS256"));
        assertNull(keys.find("a", "ES256"), "a key published for RS256 does not verify ES256");
        assertEquals(b, keys.find("b", "ES256"));
        assertNull(keys.find("c", "RS256"));
        assertNull(keys.find(null, "RS256"), "without a kid, several keys are no match");
    }

    @Test
    void a_single_key_without_kid_verifies_any_token() throws Exception {
        TrustedKey pem = new TrustedKey(null, null, rsa(1));
        KeySet keys = new KeySet(List.of(pem));
        assertEquals(pem, keys.find(null, "RS256"));
        assertEquals(pem, keys.find("whatever", "RS256"));
    }

    @Test
    void a_set_loses_keys_when_one_is_gone_or_replaced_under_the_same_kid() throws Exception {
        TrustedKey a = new TrustedKey("a", "RS256", rsa(1));
        TrustedKey b = new TrustedKey("b", "ES256", ec());
        KeySet before = new KeySet(List.of(a, b));
        assertFalse(before.losesKeysIn(new KeySet(List.of(b, a, new TrustedKey("c", "RS256", rsa(2))))));
        assertTrue(before.losesKeysIn(new KeySet(List.of(b))));
        assertTrue(before.losesKeysIn(new KeySet(List.of(new TrustedKey("a", "RS256", rsa(3)), b))));
    }

    @Test
    void a_jwks_gives_its_signing_keys_with_kid_and_alg() throws Exception {
        PublicJsonWebKey rsa = PublicJsonWebKey.Factory.newPublicJwk(rsa(1));
        rsa.setKeyId("r1");
        rsa.setAlgorithm("RS256");
        PublicJsonWebKey ec = PublicJsonWebKey.Factory.newPublicJwk(ec());
        ec.setKeyId("e1");
        PublicJsonWebKey encryption = PublicJsonWebKey.Factory.newPublicJwk(rsa(2));
        encryption.setKeyId("x1");
        encryption.setUse("enc");
        String json = new JsonWebKeySet(rsa, ec, encryption).toJson(JsonWebKey.OutputControlLevel.PUBLIC_ONLY);

        KeySet keys = KeyContent.parse(json);
        assertEquals(2, keys.keys().size());
        assertEquals(rsa.getPublicKey(), keys.find("r1", "RS256").key());
        assertEquals(ec.getPublicKey(), keys.find("e1", "ES256").key());
    }

    @Test
    void the_dev_pem_public_key_is_one_key_without_kid() throws Exception {
        KeySet keys = KeyContent.parse(Files.readString(Path.of("dev/jwt/public.pem")));
        assertEquals(1, keys.keys().size());
        assertEquals("RSA", keys.keys().get(0).key().getAlgorithm());
    }

    @Test
    void content_that_is_no_key_is_refused() {
        assertThrows(IllegalArgumentException.class, () -> KeyContent.parse("-----BEGIN PUBLIC KEY-----\nAAAA\n"));
        assertThrows(IllegalArgumentException.class, () -> KeyContent.parse("{\"keys\":"));
    }
}
