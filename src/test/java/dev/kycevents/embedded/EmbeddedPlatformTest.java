package dev.kycevents.embedded;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

class EmbeddedPlatformTest {

    @ParameterizedTest
    @CsvSource({
            "Linux,    amd64,   LINUX_X86_64",
            "Linux,    x86_64,  LINUX_X86_64",
            "Linux,    aarch64, LINUX_ARM64",
            "Mac OS X, x86_64,  MACOS_X86_64",
            "Mac OS X, aarch64, MACOS_ARM64",
    })
    void each_os_name_and_arch_a_developer_has_maps_to_its_binaries(String osName, String osArch,
            EmbeddedPlatform expected) {
        assertEquals(Optional.of(expected), EmbeddedPlatform.of(osName, osArch));
    }

    @ParameterizedTest
    @CsvSource({"Windows 11, amd64", "Linux, ppc64le", "Linux, arm", "Mac OS X, i386", "FreeBSD, amd64"})
    void other_platforms_have_none(String osName, String osArch) {
        assertTrue(EmbeddedPlatform.of(osName, osArch).isEmpty());
    }

    @ParameterizedTest
    @EnumSource(EmbeddedPlatform.class)
    void the_build_ships_the_binaries_of_every_supported_platform(EmbeddedPlatform platform) {
        assertNotNull(getClass().getClassLoader().getResource(platform.resource()),
                platform.resource() + " is not on the classpath: pom.xml must depend on its binaries jar");
    }

    @org.junit.jupiter.api.Test
    void an_unsupported_platform_is_told_what_to_do_instead() {
        String message = EmbeddedPlatform.unsupported("Windows 11", "amd64");

        assertTrue(message.contains("Windows 11 on amd64"), message);
        assertTrue(message.contains("Linux and macOS on x86_64 or arm64"), message);
        assertTrue(message.contains("QUARKUS_DATASOURCE_REACTIVE_URL"), message);
    }
}
