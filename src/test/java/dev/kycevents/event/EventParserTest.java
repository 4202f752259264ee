package dev.kycevents.event;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class EventParserTest {

    static final String ENVELOPE = """
            {"id":"550e8400-e29b-41d4-a716-446655440000","event":"%s","timestamp":"2025-06-19T17:14:13.123Z",
             "data":%s}""";
    static final String SESSION_DATA = """
            {"sessionId":"550e8400-e29b-41d4-a716-446655440002","userId":"550e8400-e29b-41d4-a716-446655440001"%s}""";

    static byte[] fixture(String name) throws IOException {
        try (InputStream in = EventParserTest.class.getResourceAsStream("/fixtures/" + name)) {
            return in.readAllBytes();
        }
    }

    static KycEvent parse(String body) {
        return EventParser.parseWebhook(body.getBytes(StandardCharsets.UTF_8)).event();
    }

    static String rejectedField(String body) {
        return assertThrows(InvalidEventException.class, () -> parse(body)).field();
    }

    static String event(String type, String data) {
        return ENVELOPE.formatted(type, data);
    }

    @Test
    void ralios_manual_review_example_parses_with_its_checks_and_reasons() throws IOException {
        SessionSentToReview e = assertInstanceOf(SessionSentToReview.class,
                EventParser.parseWebhook(fixture("kyc_session_manual_review.json")).event());
        assertEquals(UUID.fromString("550e8400-e29b-41d4-a716-446655440000"), e.eventId());
        assertEquals(UUID.fromString("550e8400-e29b-41d4-a716-446655440001"), e.userId());
        assertEquals(UUID.fromString("550e8400-e29b-41d4-a716-446655440002"), e.session());
        assertEquals(Instant.parse("2025-06-19T17:14:13.123Z"), e.occurredAt());
        assertEquals(2, e.checks().size());
        assertTrue(e.checks().get(1).refused());
        assertEquals(new Reason("face-match", "LOW_CONFIDENCE", "Face matching confidence below threshold"),
                e.checks().get(1).reasons().get(0));
    }

    @Test
    void every_fixture_parses_to_its_record() throws IOException {
        assertInstanceOf(SessionVerified.class, EventParser.parseWebhook(fixture("kyc_session_verified.json")).event());
        assertInstanceOf(SessionFailed.class, EventParser.parseWebhook(fixture("kyc_session_failed.json")).event());
        assertInstanceOf(SessionExpired.class, EventParser.parseWebhook(fixture("kyc_session_expired.json")).event());
        KycStateUpdated level = assertInstanceOf(KycStateUpdated.class,
                EventParser.parseWebhook(fixture("kyc_state_updated.json")).event());
        assertEquals(KycLevel.REGULAR, level.level());
    }

    @Test
    void unknown_fields_are_accepted_and_kept_in_the_payload() {
        EventParser.ParsedEvent parsed = EventParser.parseWebhook(event("kyc_session_verified",
                SESSION_DATA.formatted(",\"future\":{\"x\":[1,2.50]}")).replace("{\"id\"", "{\"v\":2,\"id\"")
                .getBytes(StandardCharsets.UTF_8));
        assertTrue(parsed.payloadJson().contains("\"future\":{\"x\":[1,2.50]}"), parsed.payloadJson());
        assertTrue(parsed.payloadJson().startsWith("{\"v\":2,"), parsed.payloadJson());
    }

    @Test
    void an_unknown_type_is_unrecognised_not_refused() {
        Unrecognised e = assertInstanceOf(Unrecognised.class, parse(event("kyc_session_paused", SESSION_DATA.formatted(""))));
        assertEquals("kyc_session_paused", e.type());
        assertEquals(UUID.fromString("550e8400-e29b-41d4-a716-446655440002"), e.session());
    }

    @Test
    void an_unknown_type_without_a_session_is_fine() {
        Unrecognised e = assertInstanceOf(Unrecognised.class,
                parse(event("kyc_note", "{\"userId\":\"550e8400-e29b-41d4-a716-446655440001\"}")));
        assertNull(e.session());
    }

    @Test
    void absent_checks_mean_no_checks() {
        SessionExpired e = assertInstanceOf(SessionExpired.class, parse(event("kyc_session_expired", SESSION_DATA.formatted(""))));
        assertEquals(List.of(), e.checks());
    }

    @Test
    void timestamps_with_an_offset_are_read_and_cut_to_microseconds() {
        KycEvent e = parse(event("kyc_session_expired", SESSION_DATA.formatted(""))
                .replace("2025-06-19T17:14:13.123Z", "2025-06-19T19:14:13.123456789+02:00"));
        assertEquals(Instant.parse("2025-06-19T17:14:13.123456Z"), e.occurredAt());
    }

    @Test
    void each_required_field_is_named_when_missing_or_mistyped() {
        assertEquals("id", rejectedField("{\"event\":\"x\",\"timestamp\":\"2025-01-01T00:00:00Z\",\"data\":{}}"));
        assertEquals("id", rejectedField(event("kyc_note", "{}").replace("\"550e8400-e29b-41d4-a716-446655440000\"", "42")));
        assertEquals("id", rejectedField(event("kyc_note", "{}").replace("550e8400-e29b-41d4-a716-446655440000", "550e8400")));
        assertEquals("event", rejectedField(event("", "{}")));
        assertEquals("timestamp", rejectedField(event("kyc_note", "{}").replace("2025-06-19T17:14:13.123Z", "2025-06-19 17:14")));
        assertEquals("timestamp", rejectedField(event("kyc_note", "{}").replace("2025-06-19T17:14:13.123Z", "2025-06-19T17:14:13")));
        assertEquals("data", rejectedField(event("kyc_note", "[]")));
        assertEquals("data.userId", rejectedField(event("kyc_note", "{}")));
        assertEquals("data.sessionId", rejectedField(event("kyc_session_verified",
                "{\"userId\":\"550e8400-e29b-41d4-a716-446655440001\"}")));
        assertEquals("data.sessionId", rejectedField(event("kyc_note",
                "{\"userId\":\"550e8400-e29b-41d4-a716-446655440001\",\"sessionId\":\"s-1\"}")));
        assertEquals("data.state", rejectedField(event("kyc_state_updated",
                "{\"userId\":\"550e8400-e29b-41d4-a716-446655440001\",\"state\":\"PREMIUM\"}")));
        assertEquals("data.state", rejectedField(event("kyc_state_updated",
                "{\"userId\":\"550e8400-e29b-41d4-a716-446655440001\"}")));
    }

    @Test
    void malformed_checks_name_the_exact_path() {
        assertEquals("data.checks", rejectedField(event("kyc_session_failed", SESSION_DATA.formatted(",\"checks\":{}"))));
        assertEquals("data.checks[0]", rejectedField(event("kyc_session_failed", SESSION_DATA.formatted(",\"checks\":[1]"))));
        assertEquals("data.checks[0].state", rejectedField(event("kyc_session_failed",
                SESSION_DATA.formatted(",\"checks\":[{\"type\":\"x\"}]"))));
        assertEquals("data.checks[1].reasons[0].code", rejectedField(event("kyc_session_failed", SESSION_DATA.formatted(
                ",\"checks\":[{\"type\":\"a\",\"state\":\"Validated\"},"
                        + "{\"type\":\"b\",\"state\":\"Refused\",\"reasons\":[{\"code\":7}]}]"))));
    }

    @Test
    void ralio_may_not_deliver_this_services_own_event_type() {
        assertEquals("event", rejectedField(event("kyc_session_created", SESSION_DATA.formatted(""))));
    }

    @Test
    void a_created_session_round_trips_through_its_stored_payload() {
        SessionCreated created = new SessionCreated(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(),
                Instant.parse("2026-01-01T10:00:00.123456Z"), "https://verify.raliopay.com/session/abc",
                Instant.parse("2026-01-08T10:00:00.123456Z"));
        assertEquals(created, EventParser.decodeStored(OwnEvents.json(created)).event());
    }

    @Test
    void hostile_bodies_are_refused_cleanly() {
        String ok = event("kyc_note", "{\"userId\":\"550e8400-e29b-41d4-a716-446655440001\",\"x\":%s}");
        assertThrows(InvalidEventException.class, () -> parse(ok.formatted("[".repeat(1000) + "]".repeat(1000))));
        assertThrows(InvalidEventException.class, () -> parse(ok.formatted("\"a\\u0000b\"")));
        assertThrows(InvalidEventException.class, () -> parse(ok.formatted("\"\\ud800\"")));
        assertThrows(InvalidEventException.class, () -> parse(ok.formatted("\"\\udc00x\"")));
        assertThrows(InvalidEventException.class, () -> parse(ok.formatted("1e999999")));
        assertThrows(InvalidEventException.class, () -> parse(ok.formatted("1e-99999")));
        assertThrows(InvalidEventException.class, () -> parse(ok.formatted("1").replace("\"x\"", "\"userId\"")));
        assertThrows(InvalidEventException.class, () -> parse(ok.formatted("1") + " {}"));
        assertThrows(InvalidEventException.class, () -> parse("\uFEFF" + ok.formatted("1")));
        assertThrows(InvalidEventException.class, () -> parse(""));
        byte[] invalidUtf8 = ok.formatted("\"\u00e9\"").getBytes(StandardCharsets.UTF_8);
        invalidUtf8[invalidUtf8.length - 4] = (byte) 0xFF;
        assertThrows(InvalidEventException.class, () -> EventParser.parseWebhook(invalidUtf8));
        // A paired surrogate (an emoji) is fine.
        assertInstanceOf(Unrecognised.class, parse(ok.formatted("\"\\ud83d\\ude00\"")));
    }
}
