package dev.kycevents.webhook;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class WebhookContentTypeTest {

    @Test
    void no_content_type_is_refused() {
        assertFalse(WebhookContentType.acceptable(null));
        assertFalse(WebhookContentType.acceptable(""));
    }

    @Test
    void plain_json_is_accepted() {
        assertTrue(WebhookContentType.acceptable("application/json"));
    }

    @Test
    void the_media_type_is_compared_without_case_or_surrounding_spaces() {
        assertTrue(WebhookContentType.acceptable("Application/JSON"));
        assertTrue(WebhookContentType.acceptable("  application/json  "));
        assertTrue(WebhookContentType.acceptable("application/json;"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"text/plain", "text/json", "application/jsonx", "application/merge-patch+json",
            "application/x-www-form-urlencoded", "application", "*/*", "application/json, text/plain"})
    void any_other_media_type_is_refused(String header) {
        assertFalse(WebhookContentType.acceptable(header), header);
    }

    @ParameterizedTest
    @ValueSource(strings = {"application/json; charset=utf-8", "application/json;charset=UTF-8",
            "application/json; charset=utf8", "application/json; charset=\"utf-8\"", "application/json; CHARSET=Utf-8"})
    void utf_8_named_in_any_accepted_spelling_is_accepted(String header) {
        assertTrue(WebhookContentType.acceptable(header), header);
    }

    @ParameterizedTest
    @ValueSource(strings = {"application/json; charset=ISO-8859-1", "application/json; charset=utf-16",
            "application/json; charset=", "application/json; charset=utf-8-x",
            "application/json; charset=utf-8; charset=latin1"})
    void json_declared_in_another_charset_is_refused(String header) {
        assertFalse(WebhookContentType.acceptable(header), header);
    }

    @Test
    void parameters_other_than_charset_are_ignored() {
        assertTrue(WebhookContentType.acceptable("application/json; version=2"));
        assertTrue(WebhookContentType.acceptable("application/json; version=2; charset=utf-8"));
        assertTrue(WebhookContentType.acceptable("application/json; charset"));
    }
}
