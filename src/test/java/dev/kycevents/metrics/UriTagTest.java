package dev.kycevents.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class UriTagTest {

    @ParameterizedTest
    @ValueSource(strings = {"/users/{uid}/kyc", "/webhooks/ralio", "/admin/projections/rebuild",
            "/events/{eventId}/raw", "NOT_FOUND", "REDIRECTION", "root", "UNKNOWN"})
    void templates_plain_paths_and_fixed_labels_are_kept(String uri) {
        assertEquals(uri, UriTag.publishable(uri));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/users/550e8400-e29b-41d4-a716-446655440001/kyc",
            "/users/ffffffff-ffff-ffff-ffff-ffffffffffff/kyc", "/users/FFFFFFFF-FFFF-FFFF-FFFF-FFFFFFFFFFFF",
            "/users/alice@example.com/kyc", "/users/12345/kyc", "/sessions/abc123", "/users/Alice",
            "/users//kyc", "users/kyc", "/a/b/c/d/e/f/g/h/i", "/%7Buid%7D", "/users/{uid}x"})
    void anything_that_could_carry_an_id_becomes_unknown(String uri) {
        assertEquals("UNKNOWN", UriTag.publishable(uri));
    }

    @org.junit.jupiter.api.Test
    void a_very_long_path_becomes_unknown() {
        assertEquals("UNKNOWN", UriTag.publishable("/" + "a".repeat(200)));
    }
}
