package dev.kycevents.event;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The one set of JSON limits: what intake accepts, every reader of the stored form reads back; what a reader would
 * refuse, intake refuses naming the field. The stored form is simulated as jsonb prints it (numbers in full).
 */
class JsonLimitsTest {

    static final String BODY = """
            {"id":"550e8400-e29b-41d4-a716-446655440000","event":"kyc_session_manual_review",
             "timestamp":"%s","data":{"sessionId":"550e8400-e29b-41d4-a716-446655440002",
             "userId":"550e8400-e29b-41d4-a716-446655440001","checks":[],"n":%s}}""";

    /** Prints like jsonb: numbers written out in full, no exponent. */
    static final ObjectMapper JSONB_LIKE = new ObjectMapper().enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN);

    static String withN(String n) {
        return BODY.formatted("2025-06-19T17:14:13.123Z", n);
    }

    static EventParser.ParsedEvent parse(String body) {
        return EventParser.parseWebhook(body.getBytes(StandardCharsets.UTF_8));
    }

    static InvalidEventException refused(String body) {
        return assertThrows(InvalidEventException.class, () -> parse(body));
    }

    /** The payload as PostgreSQL hands it back to every reader. */
    static String storedForm(String payloadJson) throws Exception {
        JsonNode tree = JsonLimits.mapper().readTree(payloadJson);
        return JSONB_LIKE.writeValueAsString(tree);
    }

    @Test
    void a_number_printed_as_more_than_a_hundred_digits_is_refused_naming_the_field() {
        for (String n : List.of("1e1000", "1e100", "-1e99", "1e-99", "1E+131071", "0.1e101", "12345e96")) {
            InvalidEventException e = refused(withN(n));
            assertEquals("data.n", e.field(), n);
            assertTrue(e.getMessage().startsWith("data.n "), e.getMessage());
        }
    }

    @Test
    void a_number_token_longer_than_the_limit_is_refused_naming_the_field() {
        assertEquals("data.n", refused(withN("1".repeat(101))).field());
        assertEquals("data.n", refused(withN("1".repeat(JsonLimits.MAX_STORED_NUMBER_LENGTH + 1))).field());
        assertEquals("data.n[2]", refused(withN("[1, 2, " + "9".repeat(200) + "]")).field());
        assertEquals("data.n", refused(withN("1e9999999999")).field());
        assertEquals("data.n", refused(withN("0e10000")).field());
    }

    @Test
    void every_accepted_number_reads_back_from_its_stored_form() throws Exception {
        for (String n : List.of("1e99", "-1e98", "1e-98", "0.5", "-0", "-0.0", "0e50", "1.000e2", "100e-2",
                "9".repeat(100), "-" + "9".repeat(99), "0." + "0".repeat(97) + "1", "123456789.123456789e-50")) {
            EventParser.ParsedEvent parsed = assertDoesNotThrow(() -> parse(withN(n)), n);
            String stored = storedForm(parsed.payloadJson());
            assertDoesNotThrow(() -> EventParser.decodeStored(stored), n);
        }
    }

    @Test
    void a_long_spelling_of_a_short_number_is_accepted_and_its_raw_body_reads_back() throws Exception {
        String n = "0." + "0".repeat(120) + "1e100"; // 1e-21: 127 characters as written, 23 in full
        EventParser.ParsedEvent parsed = parse(withN(n));
        assertDoesNotThrow(() -> EventParser.decodeStored(storedForm(parsed.payloadJson())));
        assertDoesNotThrow(() -> JsonLimits.mapper().readTree(withN(n)));
    }

    @Test
    void numbers_stored_under_the_earlier_limit_of_a_thousand_characters_still_read() {
        String stored = withN("1".repeat(JsonLimits.MAX_STORED_NUMBER_LENGTH));
        assertDoesNotThrow(() -> EventParser.decodeStored(stored));
    }

    @Test
    void printed_length_is_the_length_of_the_plain_decimal() {
        for (String n : List.of("1e99", "-1e98", "1e-98", "0.5", "-0.0", "0", "0.000", "1.000e2", "100e-2",
                "123456789.123456789e-5", "-7", "12e3", "1.5e-3")) {
            BigDecimal number = new BigDecimal(n);
            String plain = number.toPlainString();
            assertEquals(plain.length(), PostgresJsonLimits.printedLength(number), n + " as " + plain);
        }
        assertEquals(131072, PostgresJsonLimits.printedLength(new BigDecimal("1e131071")));
        assertEquals(6, PostgresJsonLimits.printedLength(new BigDecimal("0e5")), "a zero's exponent counts");
    }

    @Test
    void strings_names_and_nesting_beyond_the_limits_are_refused_naming_where() {
        assertEquals("data.n", refused(withN("\"" + "x".repeat(JsonLimits.MAX_STRING_LENGTH + 1) + "\"")).field());
        assertDoesNotThrow(() -> parse(withN("\"" + "x".repeat(1000) + "\"")));
        String longName = "k".repeat(JsonLimits.MAX_NAME_LENGTH + 1);
        assertEquals("data.n", refused(withN("{\"" + longName + "\":1}")).field());
        String deep = "[".repeat(JsonLimits.MAX_DEPTH) + "]".repeat(JsonLimits.MAX_DEPTH);
        assertTrue(refused(withN(deep)).field().startsWith("data.n[0]"));
    }

    @Test
    void a_body_whose_stored_form_would_outgrow_twice_its_size_is_refused() {
        // 1,000 numbers of 4 bytes that jsonb would print as 100 digits each: 5 KB in, 100 KB stored.
        String numbers = String.join(",", Collections.nCopies(1000, "1e99"));
        InvalidEventException e = refused(withN("[" + numbers + "]"));
        assertTrue(e.field().startsWith("data.n["), e.field());
        assertTrue(e.getMessage().contains("stored as more than"), e.getMessage());
    }

    @Test
    void ordinary_bodies_stay_well_inside_the_expansion_bound() throws Exception {
        for (String n : List.of("[1,2,3,4,5,6,7,8,9,10]", "{\"a\":{\"b\":[]}}", "\"Zoë ✓\"", "0.97", "[1e9,1e9]")) {
            String body = withN(n);
            EventParser.ParsedEvent parsed = parse(body);
            long stored = storedForm(parsed.payloadJson()).getBytes(StandardCharsets.UTF_8).length;
            assertTrue(stored <= JsonLimits.maxStoredLength(body.length()), n);
        }
    }

    @Test
    void extreme_timestamps_inside_the_range_are_accepted_and_outside_refused_naming_the_field() {
        for (String at : List.of("2262-04-11T23:47:17Z", "9999-12-31T23:59:59Z", "0001-01-01T00:00:00Z",
                "1677-09-21T00:12:43Z", "9999-12-31T23:59:59.9999999Z", "0001-01-01T01:00:00+01:00")) {
            assertDoesNotThrow(() -> parse(BODY.formatted(at, "1")), at);
        }
        for (String at : List.of("+10000-01-01T00:00:00Z", "9999-12-31T23:59:59-00:01", "0001-01-01T00:00:00+00:01",
                "-0001-01-01T00:00:00Z", "+999999999-12-31T23:59:59-18:00")) {
            assertEquals("timestamp", refused(BODY.formatted(at, "1")).field(), at);
        }
    }
}
