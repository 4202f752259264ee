package dev.kycevents.support;

import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.util.ArrayList;
import java.util.List;

/**
 * RSA key pairs for tests, each made once per test JVM: a 2048-bit pair takes about a second to make with the C1
 * compiler the tests run with. Index 0 is {@link Tokens}' untrusted key; the others are free for tests that need
 * distinct keys.
 */
public final class RsaKeys {

    private static final List<KeyPair> PAIRS = new ArrayList<>();

    private RsaKeys() {
    }

    public static synchronized KeyPair pair(int index) {
        while (PAIRS.size() <= index) {
            try {
                KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
                generator.initialize(2048);
                PAIRS.add(generator.generateKeyPair());
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        }
        return PAIRS.get(index);
    }
}
