package dev.kycevents.event;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * nst/JSONTestSuite as hostile webhook bodies. n_ files are refused. A y_ file is valid JSON, so carried as an
 * unknown member of a valid event it is accepted, unless one of the service's documented rules refuses it (listed in
 * {@link #REFUSED_VALID_JSON} with the problem it answers). i_ files may go either way, and end in nothing but a
 * clean InvalidEventException.
 */
class JsonTestSuiteTest {

    static final UUID ID = UUID.fromString("550e8400-e29b-41d4-a716-446655440011");

    /** The problem a refused y_ file answers: the field at fault and words its detail must hold. */
    record Refusal(String field, String detail, String rule) {
    }

    /**
     * Valid JSON the service refuses on purpose. Duplicate keys: a second value would silently win, and which one
     * Ralio meant cannot be told. U+0000: PostgreSQL's jsonb cannot store it, so accepting it would fail the insert on
     * every retry.
     */
    static final Map<String, Refusal> REFUSED_VALID_JSON = Map.of(
            "y_object_duplicated_key.json",
            new Refusal("extra.a", "the body is not a single valid JSON value", "duplicate keys are refused"),
            "y_object_duplicated_key_and_value.json",
            new Refusal("extra.a", "the body is not a single valid JSON value", "duplicate keys are refused"),
            "y_object_escaped_null_in_key.json",
            new Refusal("extra.foo\u0000bar", "U+0000", "jsonb cannot store U+0000"),
            "y_string_null_escape.json",
            new Refusal("extra[0]", "U+0000", "jsonb cannot store U+0000"));

    static List<Path> corpus() throws IOException, URISyntaxException {
        Path dir = Path.of(JsonTestSuiteTest.class.getResource("/jsontestsuite/test_parsing").toURI());
        try (Stream<Path> files = Files.list(dir)) {
            return files.sorted().toList();
        }
    }

    // A valid kyc_state_updated whose unknown member "extra" holds the file's bytes, untouched.
    static byte[] envelopeCarrying(byte[] value) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(("{\"id\":\"" + ID + "\",\"event\":\"kyc_state_updated\","
                + "\"timestamp\":\"2025-06-20T09:02:42.010Z\","
                + "\"data\":{\"userId\":\"550e8400-e29b-41d4-a716-446655440001\",\"state\":\"REGULAR\"},\"extra\":")
                .getBytes(StandardCharsets.UTF_8));
        body.writeBytes(value);
        body.write('}');
        return body.toByteArray();
    }

    static String name(Path file) {
        return file.getFileName().toString();
    }

    @Test
    void every_listed_refusal_names_a_valid_file_of_the_corpus() throws Exception {
        Set<String> valid = corpus().stream().map(JsonTestSuiteTest::name).filter(n -> n.startsWith("y_"))
                .collect(Collectors.toSet());
        assertTrue(valid.size() > 90, "the y_ files are there: " + valid.size());
        assertTrue(valid.containsAll(REFUSED_VALID_JSON.keySet()), REFUSED_VALID_JSON.keySet().toString());
    }

    @TestFactory
    Stream<DynamicTest> every_invalid_file_is_refused() throws Exception {
        List<Path> files = corpus().stream().filter(f -> name(f).startsWith("n_")).toList();
        assertFalse(files.isEmpty());
        return files.stream().map(file -> DynamicTest.dynamicTest(name(file), () -> {
            byte[] body = Files.readAllBytes(file);
            assertThrows(InvalidEventException.class, () -> EventParser.parseWebhook(body));
            assertThrows(InvalidEventException.class, () -> EventParser.parseWebhook(envelopeCarrying(body)));
        }));
    }

    @TestFactory
    Stream<DynamicTest> every_valid_file_is_accepted_unless_a_named_rule_refuses_it() throws Exception {
        List<Path> files = corpus().stream().filter(f -> name(f).startsWith("y_")).toList();
        assertFalse(files.isEmpty());
        return files.stream().map(file -> DynamicTest.dynamicTest(name(file), () -> {
            byte[] document = Files.readAllBytes(file);
            // On its own a valid document is still no event envelope.
            assertThrows(InvalidEventException.class, () -> EventParser.parseWebhook(document));
            byte[] body = envelopeCarrying(document);
            Refusal refusal = REFUSED_VALID_JSON.get(name(file));
            if (refusal == null) {
                EventParser.ParsedEvent parsed = EventParser.parseWebhook(body);
                assertEquals(ID, assertInstanceOf(KycStateUpdated.class, parsed.event()).eventId());
                assertTrue(parsed.payloadJson().contains("\"extra\""), parsed.payloadJson());
            } else {
                InvalidEventException refused = assertThrows(InvalidEventException.class,
                        () -> EventParser.parseWebhook(body), refusal.rule());
                assertEquals(refusal.field(), refused.field(), refusal.rule());
                assertTrue(refused.getMessage().contains(refusal.detail()), refused.getMessage());
            }
        }));
    }

    @TestFactory
    Stream<DynamicTest> every_implementation_defined_file_is_parsed_or_cleanly_refused() throws Exception {
        List<Path> files = corpus().stream().filter(f -> name(f).startsWith("i_")).toList();
        assertFalse(files.isEmpty());
        return files.stream().map(file -> DynamicTest.dynamicTest(name(file), () -> {
            byte[] body = Files.readAllBytes(file);
            for (byte[] candidate : List.of(body, envelopeCarrying(body))) {
                try {
                    EventParser.parseWebhook(candidate);
                } catch (InvalidEventException expected) {
                    // either answer is allowed; anything but this exception fails the test
                }
            }
        }));
    }
}
