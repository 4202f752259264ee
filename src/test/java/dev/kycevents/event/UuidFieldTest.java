package dev.kycevents.event;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Ids are UUIDs in their canonical text form, and nothing else that UUID.fromString would take. */
class UuidFieldTest {

    static KycEvent parse(String userId) {
        String body = "{\"id\":\"550e8400-e29b-41d4-a716-446655440000\",\"event\":\"kyc_state_updated\","
                + "\"timestamp\":\"2025-06-19T17:14:13Z\",\"data\":{\"userId\":\"" + userId + "\",\"state\":\"LIGHT\"}}";
        return EventParser.parseWebhook(body.getBytes(StandardCharsets.UTF_8)).event();
    }

    @Test
    void canonical_uuids_in_either_case_are_read() {
        assertEquals(UUID.fromString("7c9e6679-7425-40de-944b-e07fc1f90ae9"),
                parse("7c9e6679-7425-40de-944b-e07fc1f90ae9").userId());
        assertEquals(UUID.fromString("7c9e6679-7425-40de-944b-e07fc1f90ae9"),
                parse("7C9E6679-7425-40DE-944B-E07FC1F90AE9").userId());
    }

    @Test
    void anything_but_the_canonical_form_is_refused_naming_the_field() {
        String[] bad = {"7c9e6679-7425-40de-944b-e07fc1f90ae", "7c9e6679-7425-40de-944b-e07fc1f90ae99",
                "7c9e66797425-40de-944b-e07fc1f90ae9-", "{7c9e6679-7425-40de-944b-e07fc1f90ae}",
                "7c9e6679-7425-40de-944b-e07fc1f90aeg", "1-2-3-4-5", "",
                "７c9e6679-7425-40de-944b-e07fc1f90ae9", "7c9e6679-7425-40de-944b-e07fc1f90ａe9"};
        for (String text : bad) {
            InvalidEventException e = assertThrows(InvalidEventException.class, () -> parse(text), text);
            assertEquals("data.userId", e.field());
        }
    }
}
