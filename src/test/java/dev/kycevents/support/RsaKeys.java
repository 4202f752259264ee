package dev.kycevents.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Fixed 2048-bit RSA key pairs for tests, made once with {@code openssl genpkey} and kept in
 * {@code src/test/resources/test-keys}: making one takes a second or more under the C1 compiler the tests run with.
 * Index 0 is {@link Tokens}' untrusted key; the others are free for tests that need distinct keys. They are trusted
 * nowhere outside the suite.
 */
public final class RsaKeys {

    public static final int COUNT = 4;

    private RsaKeys() {
    }

    public static KeyPair pair(int index) {
        if (index < 0 || index >= COUNT) {
            throw new IllegalArgumentException("no test key " + index + "; add test-keys/test-rsa-" + index + ".pem");
        }
        String resource = "/test-keys/test-rsa-" + index + ".pem";
        try (InputStream in = RsaKeys.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is not on the test classpath");
            }
            String pem = new String(in.readAllBytes(), StandardCharsets.US_ASCII);
            byte[] der = Base64.getMimeDecoder().decode(pem.replaceAll("-----[A-Z ]+-----", ""));
            KeyFactory rsa = KeyFactory.getInstance("RSA");
            RSAPrivateCrtKey key = (RSAPrivateCrtKey) rsa.generatePrivate(new PKCS8EncodedKeySpec(der));
            return new KeyPair(rsa.generatePublic(new RSAPublicKeySpec(key.getModulus(), key.getPublicExponent())), key);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(resource, e);
        }
    }
}
