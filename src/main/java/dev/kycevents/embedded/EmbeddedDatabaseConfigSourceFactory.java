package dev.kycevents.embedded;

import dev.kycevents.settings.SettingsCheck;
import io.quarkus.runtime.ExecutionMode;
import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigSourceFactory;
import io.smallrye.config.ConfigValue;
import io.smallrye.config.PropertiesConfigSource;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.spi.ConfigSource;
import org.jboss.logging.Logger;

/**
 * Checks the required settings, then supplies the datasource of an embedded PostgreSQL when none is
 * configured, starting it if this JVM has none yet. Registered in META-INF/services; the first code of
 * the service that runs at start.
 */
public class EmbeddedDatabaseConfigSourceFactory implements ConfigSourceFactory {

    /** Above application.properties (250), below environment variables (300). */
    public static final int ORDINAL = 275;
    static final String SOURCE_NAME = "KycEmbeddedPostgres";

    private static final Logger LOG = Logger.getLogger(EmbeddedDatabaseConfigSourceFactory.class);

    @Override
    public Iterable<ConfigSource> getConfigSources(ConfigSourceContext context) {
        // Quarkus also runs this factory while building the application and bakes what it returns
        // into the build; only the running application may start (and be given) a database.
        if (!isRunningApplication()) {
            return List.of();
        }
        // First of all, so a misconfigured service starts nothing. Recording the class archive (a build
        // step) runs without the operator's settings, and stops before they are used.
        if (!"true".equals(valueOf(context, EmbeddedDatabaseDecision.RECORDING_CLASS_ARCHIVE))) {
            SettingsCheck.failIfInvalid(name -> valueOf(context, name), context.getProfiles());
        }
        Optional<EmbeddedSettings> settings = EmbeddedDatabaseDecision.decide(
                name -> valueOf(context, name), context.getProfiles(), System.getProperty("user.home"));
        if (settings.isEmpty()) {
            return List.of();
        }
        EmbeddedServer server = RunningServerRegistry.find()
                .map(running -> reuse(running, settings.get()))
                .orElseGet(() -> RunningServerRegistry.remember(EmbeddedPostgresLauncher.start(settings.get())));
        return List.of(new PropertiesConfigSource(server.connectionProperties(), SOURCE_NAME, ORDINAL));
    }

    private static boolean isRunningApplication() {
        ExecutionMode mode = ExecutionMode.current();
        return mode == ExecutionMode.RUNTIME_INIT || mode == ExecutionMode.RUNNING;
    }

    private static EmbeddedServer reuse(EmbeddedServer running, EmbeddedSettings wanted) {
        wanted.dataDirectory()
                .filter(dir -> !dir.equals(running.dataDirectory()))
                .ifPresent(dir -> LOG.warnf("Embedded PostgreSQL already runs on %s in this JVM; "
                        + "restart the JVM to use %s", running.dataDirectory(), dir));
        return running;
    }

    private static String valueOf(ConfigSourceContext context, String name) {
        ConfigValue value = context.getValue(name);
        return value == null ? null : value.getValue();
    }
}
