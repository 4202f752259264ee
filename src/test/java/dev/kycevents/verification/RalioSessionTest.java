package dev.kycevents.verification;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** What counts as a usable answer from Ralio; everything else becomes a 502. */
class RalioSessionTest {

    static final String ID = "550e8400-e29b-41d4-a716-446655440002";
    static final String URL = "https://verify.raliopay.com/session/abc123";

    static String malformedReason(String body) {
        return assertThrows(RalioUnavailable.class, () -> RalioSession.parse(body)).getMessage();
    }

    @Test
    void id_and_hosted_url_are_read_and_unknown_fields_ignored() {
        RalioSession session = RalioSession.parse("""
                {"id":"%s","hostedUrl":"%s","status":"NOT_STARTED","extra":{"a":[1,2]}}""".formatted(ID, URL));
        assertEquals(UUID.fromString(ID), session.id());
        assertEquals(URL, session.hostedUrl());
        assertNull(session.expiresAt());
    }

    @Test
    void a_null_expiry_is_the_same_as_none() {
        assertNull(RalioSession.parse("""
                {"id":"%s","hostedUrl":"%s","expiresAt":null}""".formatted(ID, URL)).expiresAt());
    }

    @Test
    void an_expiry_with_an_offset_is_read_as_an_instant_cut_to_microseconds() {
        RalioSession session = RalioSession.parse("""
                {"id":"%s","hostedUrl":"%s","expiresAt":"2025-06-26T19:00:00.123456789+02:00"}""".formatted(ID, URL));
        assertEquals(Instant.parse("2025-06-26T17:00:00.123456Z"), session.expiresAt());
    }

    @Test
    void a_body_that_is_not_a_json_object_is_malformed() {
        assertEquals("malformed answer: the answer is not JSON", malformedReason("{\"id\":"));
        assertEquals("malformed answer: the answer is not a JSON object", malformedReason("\"" + ID + "\""));
        assertEquals("malformed answer: the answer is not a JSON object", malformedReason(null));
    }

    @Test
    void an_id_that_is_missing_or_not_a_canonical_uuid_is_malformed() {
        assertEquals("malformed answer: id is not a UUID", malformedReason("{\"hostedUrl\":\"" + URL + "\"}"));
        assertEquals("malformed answer: id is not a UUID", malformedReason("{\"id\":1,\"hostedUrl\":\"" + URL + "\"}"));
        assertEquals("malformed answer: id is not a UUID",
                malformedReason("{\"id\":\"1-2-3-4-5\",\"hostedUrl\":\"" + URL + "\"}"));
    }

    @Test
    void a_hosted_url_that_is_missing_or_not_a_web_address_is_malformed() {
        assertEquals("malformed answer: hostedUrl is not a string", malformedReason("{\"id\":\"" + ID + "\"}"));
        assertEquals("malformed answer: hostedUrl is not a string",
                malformedReason("{\"id\":\"" + ID + "\",\"hostedUrl\":[\"" + URL + "\"]}"));
        for (String url : new String[] {"", "/session/abc", "javascript:alert(1)", "ftp://host/x", "https://"}) {
            assertEquals("malformed answer: hostedUrl is not an http(s) URL",
                    malformedReason("{\"id\":\"" + ID + "\",\"hostedUrl\":\"" + url + "\"}"), url);
        }
    }

    @Test
    void a_hosted_url_the_event_store_could_not_hold_is_malformed_not_a_503_on_every_retry() {
        // java.net.URI accepts both; jsonb refuses them, so the session's event could never be recorded.
        assertEquals("malformed answer: hostedUrl contains an unpaired surrogate",
                malformedReason("{\"id\":\"" + ID + "\",\"hostedUrl\":\"https://ralio.example/s/\\ud800\"}"));
        assertEquals("malformed answer: hostedUrl contains U+0000, which cannot be stored",
                malformedReason("{\"id\":\"" + ID + "\",\"hostedUrl\":\"https://ralio.example/s/\\u0000\"}"));
    }

    @Test
    void an_expiry_that_is_not_an_iso_date_time_with_offset_is_malformed() {
        for (String expiresAt : new String[] {"\"2025-06-26\"", "\"2025-06-26T17:00:00\"", "1750957200",
                                              "\"+10000-01-01T00:00:00Z\"",
                                              // year 9999 where Ralio is, 10000 in UTC: outside what readers take
                                              "\"9999-12-31T23:00:00-05:00\"", "\"0001-01-01T00:30:00+01:00\""}) {
            assertEquals("malformed answer: expiresAt is not an ISO-8601 date-time with offset", malformedReason(
                    "{\"id\":\"" + ID + "\",\"hostedUrl\":\"" + URL + "\",\"expiresAt\":" + expiresAt + "}"), expiresAt);
        }
    }
}
