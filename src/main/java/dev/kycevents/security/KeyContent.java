package dev.kycevents.security;

import io.smallrye.jwt.algorithm.SignatureAlgorithm;
import io.smallrye.jwt.util.KeyUtils;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.List;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwk.PublicJsonWebKey;
import org.jose4j.lang.JoseException;

/** Reads the identity provider's keys from a JWKS document or a PEM public key or certificate. */
public final class KeyContent {

    private KeyContent() {
    }

    public static KeySet parse(String content) {
        String text = content.strip();
        return text.startsWith("{") ? jwks(text) : pem(text);
    }

    /** The signing keys of a JWKS; encryption keys and symmetric keys are left out. */
    public static KeySet jwks(String json) {
        try {
            List<TrustedKey> keys = new ArrayList<>();
            for (JsonWebKey jwk : new JsonWebKeySet(json).getJsonWebKeys()) {
                if (jwk instanceof PublicJsonWebKey key && !"enc".equals(jwk.getUse())) {
                    keys.add(new TrustedKey(jwk.getKeyId(), jwk.getAlgorithm(), key.getPublicKey()));
                }
            }
            return new KeySet(keys);
        } catch (JoseException e) {
            throw new IllegalArgumentException("not a JWKS document: " + e.getClass().getSimpleName());
        }
    }

    private static KeySet pem(String pem) {
        for (SignatureAlgorithm family : List.of(SignatureAlgorithm.RS256, SignatureAlgorithm.ES256)) {
            try {
                return single(KeyUtils.decodePublicKey(pem, family));
            } catch (GeneralSecurityException | RuntimeException notThisFamily) {
                // try the next key type, then a certificate
            }
        }
        try {
            return single(KeyUtils.getCertificate(pem).getPublicKey());
        } catch (GeneralSecurityException | RuntimeException e) {
            throw new IllegalArgumentException("neither a JWKS, a PEM public key (RSA or EC) nor a PEM certificate");
        }
    }

    private static KeySet single(PublicKey key) {
        return new KeySet(List.of(new TrustedKey(null, null, key)));
    }
}
