package dev.kycevents.support;

import dev.kycevents.security.JwksServer;
import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.List;
import java.util.Map;

/**
 * The one test profile besides the default: every application Quarkus builds costs the suite a build and a start,
 * so the tests that need other settings share these, each of which leaves the others' tests unchanged:
 * <ul>
 * <li>keys from a JWKS URL ({@link JwksServer}, serving the dev key until a test rotates it), fetched every
 * 0.1 s so a rotation takes effect at once;</li>
 * <li>backlogs of {@link #BACKLOG} waiting requests, which sequential tests never reach;</li>
 * <li>the Ralio stand-in on its own port as Ralio (as in dev mode), calling the service back on a fixed port; so
 * without the suite's global Ralio stub.</li>
 * </ul>
 */
public class SharedProfile implements QuarkusTestProfile {

    public static final int BACKLOG = 3;
    public static final int RETRY_AFTER_SECONDS = 2;
    public static final int SERVICE_PORT = sharedFreePort("service");
    public static final int STAND_IN_PORT = sharedFreePort("stand-in");

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("kyc.security.jwks.refresh-interval", "PT0.1S",
                "kyc.security.jwks.forced-refresh-interval", "PT0.1S",
                "kyc.append.max-waiting", String.valueOf(BACKLOG),
                "kyc.query.max-waiting", String.valueOf(BACKLOG),
                "kyc.overload.retry-after-seconds", String.valueOf(RETRY_AFTER_SECONDS),
                "quarkus.http.test-port", String.valueOf(SERVICE_PORT),
                "kyc.dev.ralio-stand-in.enabled", "true",
                "kyc.dev.ralio-stand-in.port", String.valueOf(STAND_IN_PORT),
                "ralio.api.base-url", "http://localhost:" + STAND_IN_PORT);
    }

    @Override
    public boolean disableGlobalTestResources() {
        return true;
    }

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(JwksServer.class));
    }

    // Quarkus loads the profile in its own class loader too; a system property gives both the same port.
    private static int sharedFreePort(String name) {
        String key = "dev.kycevents.test.shared-profile." + name + "-port";
        return Integer.parseInt(
                System.getProperties().computeIfAbsent(key, k -> String.valueOf(FreePorts.any())).toString());
    }

}
