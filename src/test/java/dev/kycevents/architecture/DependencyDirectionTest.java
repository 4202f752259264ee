package dev.kycevents.architecture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Data flows one way, webhook → event → projection → query: no other package names a class of
 * {@code query} or {@code webhook}, whether by import, static import or full name. Reads the source tree.
 */
class DependencyDirectionTest {

    static final Path ROOT = Path.of("src/main/java/dev/kycevents");

    @ParameterizedTest
    @ValueSource(strings = {"query", "webhook"})
    void no_other_package_depends_on(String sink) {
        assertTrue(Files.isDirectory(ROOT.resolve(sink)), "the source tree is read from " + ROOT.toAbsolutePath());
        assertEquals(List.of(), offenders(ROOT, sink), "these files depend on " + sink);
    }

    @Test
    void an_import_static_import_or_full_name_from_another_package_is_found(@TempDir Path root) throws IOException {
        write(root.resolve("query/KycQueries.java"), "package dev.kycevents.query;\nclass KycQueries {}\n");
        write(root.resolve("query/UserKyc.java"), "package dev.kycevents.query;\nimport dev.kycevents.query.KycQueries;\n");
        write(root.resolve("a/Imports.java"), "import dev.kycevents.query.KycQueries;\n");
        write(root.resolve("b/ImportsStatic.java"), "import static dev.kycevents.query.NextAction.CREATE_ACCOUNT;\n");
        write(root.resolve("c/NamesInFull.java"), "class C { dev.kycevents.query.UserKyc user; }\n");
        write(root.resolve("d/Clean.java"), "import dev.kycevents.projection.session.SessionView;\n");
        assertEquals(List.of("a/Imports.java", "b/ImportsStatic.java", "c/NamesInFull.java"), offenders(root, "query"));
    }

    /** Files outside {@code root/sink} that name anything in package {@code dev.kycevents.<sink>}. */
    static List<String> offenders(Path root, String sink) {
        String name = "dev.kycevents." + sink + ".";
        return sources(root)
                .filter(file -> !file.startsWith(root.resolve(sink)))
                .filter(file -> read(file).contains(name))
                .map(file -> root.relativize(file).toString().replace('\\', '/'))
                .sorted()
                .toList();
    }

    private static Stream<Path> sources(Path root) {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(file -> file.toString().endsWith(".java")).toList().stream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }
}
