package dev.kycevents.verification;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.kycevents.support.FreePorts;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.Map;

/**
 * Ralio's API as a WireMock server on this machine, for every test of the suite: the tests that call Ralio declare
 * it {@code @WithTestResource(value = RalioStub.class, scope = TestResourceScope.GLOBAL)}, global so that they share
 * the default application instead of Quarkus building and starting one more for them (no other test calls Ralio).
 * A field {@code @RalioStub.Server WireMockServer} gets it.
 */
public class RalioStub implements QuarkusTestResourceLifecycleManager {

    /** The key the test profile sends; tests check it reaches Ralio and nowhere else. */
    public static final String KEY = "test-only-ralio-key";

    /** Short, so the "slower than the timeout" test stays quick; long enough for ConcurrentStartTest's ten
     * 300 ms answers on a loaded machine. */
    public static final int READ_TIMEOUT_MILLIS = 2000;

    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.FIELD)
    public @interface Server {
    }

    private WireMockServer server;

    @Override
    public Map<String, String> start() {
        // A fixed port, so a test can stop the server (connection refused) and start it again at the same address.
        server = new WireMockServer(options().port(FreePorts.any()));
        server.start();
        return Map.of("ralio.api.base-url", server.baseUrl(),
                "ralio.api.key", KEY,
                "ralio.api.read-timeout", String.valueOf(READ_TIMEOUT_MILLIS));
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

}
