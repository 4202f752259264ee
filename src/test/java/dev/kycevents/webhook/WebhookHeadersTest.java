package dev.kycevents.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class WebhookHeadersTest {

    @Test
    void svix_names_stand_in_for_missing_standard_ones_header_by_header() {
        WebhookHeaders.Resolution r = WebhookHeaders.resolve("id", null, null, null, "123", "v1,sig");
        assertEquals(new WebhookHeaders("id", "123", "v1,sig"), r.headers());
        assertNull(r.conflict());
    }

    @Test
    void equal_values_under_both_names_are_one_header() {
        WebhookHeaders.Resolution r = WebhookHeaders.resolve("id", "123", "v1,sig", "id", "123", "v1,sig");
        assertEquals(new WebhookHeaders("id", "123", "v1,sig"), r.headers());
    }

    @Test
    void different_values_under_both_names_are_a_conflict_naming_both() {
        WebhookHeaders.Resolution r = WebhookHeaders.resolve("id", "123", "v1,a", "id", "123", "v1,b");
        assertNull(r.headers());
        assertEquals(new WebhookHeaders.Conflict("webhook-signature", "svix-signature"), r.conflict());
    }

    @Test
    void nothing_sent_resolves_to_missing_headers() {
        assertEquals(new WebhookHeaders(null, null, null),
                WebhookHeaders.resolve(null, null, null, null, null, null).headers());
    }
}
