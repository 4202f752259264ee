package dev.kycevents.settings;

import io.quarkus.runtime.configuration.ConfigurationException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;

/**
 * Runs {@link RequiredSettings} while the configuration is being built, before the embedded PostgreSQL,
 * Flyway or any bean starts. Quarkus prints a {@link ConfigurationException}'s message alone (no stack
 * trace) and exits non-zero.
 */
public final class SettingsCheck {

    private SettingsCheck() {
    }

    public static void failIfInvalid(Function<String, String> config, List<String> profiles) {
        List<String> problems = RequiredSettings.problems(config, profiles, SettingsCheck::readable);
        if (!problems.isEmpty()) {
            throw new ConfigurationException(RequiredSettings.message(problems));
        }
    }

    // As SmallRye JWT reads it: file: and classpath: prefixes, or a plain path tried on disk and then on the classpath.
    static boolean readable(String location) {
        if (location.startsWith("classpath:")) {
            return onClasspath(location.substring("classpath:".length()));
        }
        String path = location.startsWith("file:") ? location.substring("file:".length()) : location;
        try {
            if (Files.isReadable(Path.of(path)) && Files.isRegularFile(Path.of(path))) {
                return true;
            }
        } catch (RuntimeException e) {
            // not a path on this system; maybe a classpath resource
        }
        return !location.startsWith("file:") && onClasspath(location);
    }

    private static boolean onClasspath(String name) {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        String resource = name.startsWith("/") ? name.substring(1) : name;
        return (loader != null ? loader : SettingsCheck.class.getClassLoader()).getResource(resource) != null;
    }
}
