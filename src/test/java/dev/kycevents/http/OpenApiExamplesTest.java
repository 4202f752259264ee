package dev.kycevents.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The webhook examples in the document are Ralio's published sample events, unchanged. */
class OpenApiExamplesTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void each_ralio_example_is_the_fixture_it_copies() throws IOException {
        Map<String, String> examples = Map.of(
                "kyc_session_verified", OpenApiExamples.RALIO_SESSION_VERIFIED,
                "kyc_session_manual_review", OpenApiExamples.RALIO_SESSION_MANUAL_REVIEW,
                "kyc_session_failed", OpenApiExamples.RALIO_SESSION_FAILED,
                "kyc_session_expired", OpenApiExamples.RALIO_SESSION_EXPIRED,
                "kyc_state_updated", OpenApiExamples.RALIO_STATE_UPDATED);
        for (Map.Entry<String, String> example : examples.entrySet()) {
            try (InputStream fixture = getClass().getResourceAsStream("/fixtures/" + example.getKey() + ".json")) {
                assertEquals(JSON.readTree(fixture), JSON.readTree(example.getValue()), example.getKey());
            }
        }
    }
}
