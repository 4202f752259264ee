package dev.kycevents.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class LogSafeTest {

    @Test
    void an_ordinary_value_is_unchanged() {
        assertEquals("msg_2KWPBgLlAfxdpx2AI54pPJ85f4W", LogSafe.text("msg_2KWPBgLlAfxdpx2AI54pPJ85f4W"));
    }

    @Test
    void a_long_value_is_cut_to_100_characters_and_says_how_long_it_was() {
        String logged = LogSafe.text("a".repeat(10_240));
        assertEquals("a".repeat(100) + "...(10240 chars)", logged);
    }

    @Test
    void line_breaks_control_and_non_ascii_characters_are_escaped() {
        assertEquals("a\\u000d\\u000aINFO forged\\u0000\\u202e\\u00e9\\u005c", LogSafe.text("a\r\nINFO forged\0\u202eé\\"));
    }

    @Test
    void escapes_count_against_the_input_not_the_output() {
        String logged = LogSafe.text("\n".repeat(500));
        assertTrue(logged.startsWith("\\u000a".repeat(100) + "...(500 chars)"));
    }

    @Test
    void null_is_a_dash() {
        assertEquals("-", LogSafe.text(null));
    }
}
