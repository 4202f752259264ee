package dev.kycevents.settings;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Checks, from configuration alone, every setting the service cannot work without, so that all the
 * mistakes are reported at once by the environment variables an operator sets. No side effects: how a
 * key location is probed is passed in.
 */
public final class RequiredSettings {

    static final String WEBHOOK_SECRETS = "ralio.webhook.secrets";
    static final String API_BASE_URL = "ralio.api.base-url";
    static final String API_KEY = "ralio.api.key";
    static final String JWT_KEY_LOCATION = "mp.jwt.verify.publickey.location";
    static final String JWT_KEY = "mp.jwt.verify.publickey";
    static final String JWT_ISSUER = "mp.jwt.verify.issuer";

    private RequiredSettings() {
    }

    /**
     * @param config       looks a value up by property name; null or blank means not set
     * @param profiles     the active configuration profiles; dev and test bring their own values
     * @param keyReadable  whether a key location that is not a URL (a file or a classpath resource) can be read
     * @return one line per missing or invalid setting, naming its environment variable; empty when all is well
     */
    public static List<String> problems(Function<String, String> config, List<String> profiles,
            Predicate<String> keyReadable) {
        boolean required = !profiles.contains("dev") && !profiles.contains("test");
        List<String> problems = new ArrayList<>();
        String secrets = config.apply(WEBHOOK_SECRETS);
        if (isBlank(secrets)) {
            missing(problems, required, WEBHOOK_SECRETS, "the whsec_... signing secret(s) from Ralio's portal, comma-separated");
        } else if (!allSecretsValid(secrets)) {
            problems.add(env(WEBHOOK_SECRETS) + ": each comma-separated secret must be whsec_ followed by base64");
        }
        String baseUrl = config.apply(API_BASE_URL);
        if (isBlank(baseUrl)) {
            missing(problems, required, API_BASE_URL, "Ralio's API, e.g. https://api.ralio.example");
        } else if (!isWebUrl(baseUrl.trim())) {
            problems.add(env(API_BASE_URL) + ": must be an http(s) URL, was " + baseUrl.trim());
        }
        if (isBlank(config.apply(API_KEY))) {
            missing(problems, required, API_KEY, "the API key from Ralio's portal");
        }
        String keyLocation = config.apply(JWT_KEY_LOCATION);
        if (isBlank(keyLocation)) {
            if (isBlank(config.apply(JWT_KEY))) {
                missing(problems, required, JWT_KEY_LOCATION,
                        "the identity provider's public key: a PEM or JWKS file, or a JWKS URL");
            }
        } else if (!isWebUrl(keyLocation.trim()) && !keyReadable.test(keyLocation.trim())) {
            problems.add(env(JWT_KEY_LOCATION) + ": cannot read " + keyLocation.trim() + asAbsolutePath(keyLocation.trim()));
        }
        if (isBlank(config.apply(JWT_ISSUER))) {
            missing(problems, required, JWT_ISSUER, "the iss that tokens must carry");
        }
        return problems;
    }

    /** The one message printed when {@link #problems} found any. */
    public static String message(List<String> problems) {
        return "The service cannot start; fix these settings (environment variables) and start it again:\n  - "
                + String.join("\n  - ", problems);
    }

    /** A JWKS URL is fetched after start: readiness stays down until it can be read. */
    public static boolean isWebUrl(String location) {
        try {
            URI uri = new URI(location);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            return (scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null;
        } catch (URISyntaxException e) {
            return false;
        }
    }

    // A relative path is read from the working directory, which is often not the one the operator thinks.
    private static String asAbsolutePath(String location) {
        try {
            java.nio.file.Path path = java.nio.file.Path.of(location);
            return path.isAbsolute() ? "" : " (looked for " + path.toAbsolutePath() + ")";
        } catch (RuntimeException e) {
            return "";
        }
    }

    static String env(String property) {
        return property.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
    }

    private static void missing(List<String> problems, boolean required, String property, String what) {
        if (required) {
            problems.add(env(property) + " is not set: " + what);
        }
    }

    private static boolean allSecretsValid(String secrets) {
        for (String secret : secrets.split(",")) {
            String encoded = secret.trim().startsWith("whsec_") ? secret.trim().substring(6) : secret.trim();
            try {
                if (Base64.getDecoder().decode(encoded).length == 0) {
                    return false;
                }
            } catch (IllegalArgumentException e) {
                return false;
            }
        }
        return true;
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
