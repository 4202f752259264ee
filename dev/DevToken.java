import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * Prints a bearer token that the service accepts in dev mode (signed with dev/jwt/private.pem).
 *
 *   java dev/DevToken.java <userId>                 a user's own token
 *   java dev/DevToken.java --groups kyc-service     the company's backend
 *   java dev/DevToken.java --groups compliance,kyc-admin
 *
 * Only the JDK is needed. Never use this key outside dev and tests.
 */
public class DevToken {

    static final String ISSUER = "https://kyc-events.dev";

    public static void main(String[] args) throws Exception {
        String subject = "dev-operator";
        List<String> groups = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--groups") && i + 1 < args.length) {
                groups.addAll(List.of(args[++i].split(",")));
            } else {
                subject = args[i];
            }
        }
        long now = Instant.now().getEpochSecond();
        StringBuilder groupsJson = new StringBuilder("[");
        for (int i = 0; i < groups.size(); i++) {
            groupsJson.append(i == 0 ? "" : ",").append('"').append(groups.get(i)).append('"');
        }
        groupsJson.append(']');
        String header = "{\"alg\":\"RS256\",\"typ\":\"JWT\"}";
        String claims = "{\"iss\":\"" + ISSUER + "\",\"sub\":\"" + subject + "\",\"upn\":\"" + subject
                + "\",\"groups\":" + groupsJson + ",\"iat\":" + now + ",\"exp\":" + (now + 12 * 3600) + "}";
        String signingInput = base64(header.getBytes(StandardCharsets.UTF_8)) + "."
                + base64(claims.getBytes(StandardCharsets.UTF_8));
        Signature rsa = Signature.getInstance("SHA256withRSA");
        rsa.initSign(privateKey(Path.of(System.getProperty("key", "dev/jwt/private.pem"))));
        rsa.update(signingInput.getBytes(StandardCharsets.US_ASCII));
        System.out.println(signingInput + "." + base64(rsa.sign()));
    }

    static PrivateKey privateKey(Path pem) throws Exception {
        String body = Files.readString(pem).replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(body)));
    }

    static String base64(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
