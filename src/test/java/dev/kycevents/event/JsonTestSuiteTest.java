package dev.kycevents.event;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * nst/JSONTestSuite as hostile webhook bodies: n_ files must be refused, y_ and i_ files either
 * parse or are refused — and no file may end in anything but a clean InvalidEventException.
 */
class JsonTestSuiteTest {

    static List<Path> corpus() throws IOException, URISyntaxException {
        Path dir = Path.of(JsonTestSuiteTest.class.getResource("/jsontestsuite/test_parsing").toURI());
        try (Stream<Path> files = Files.list(dir)) {
            return files.sorted().toList();
        }
    }

    @TestFactory
    Stream<DynamicTest> every_corpus_file_is_parsed_or_cleanly_refused() throws Exception {
        List<Path> files = corpus();
        assertFalse(files.isEmpty());
        return files.stream().map(file -> DynamicTest.dynamicTest(file.getFileName().toString(), () -> {
            byte[] body = Files.readAllBytes(file);
            if (file.getFileName().toString().startsWith("n_")) {
                assertThrows(InvalidEventException.class, () -> EventParser.parseWebhook(body));
            } else {
                try {
                    EventParser.parseWebhook(body);
                } catch (InvalidEventException expected) {
                    // not an event envelope: refused, as it should be
                }
            }
        }));
    }
}
