package dev.kycevents.query;

import static dev.kycevents.projection.session.SessionState.NOT_STARTED;
import static dev.kycevents.projection.session.SessionState.REVIEW;
import static dev.kycevents.projection.session.SessionState.STARTED;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The view's entity tag and how a poll's If-None-Match is compared with it; no database. */
class KycETagTest {

    static final Instant NOW = Instant.parse("2025-06-20T12:00:00Z");
    static final Instant LATER = NOW.plusSeconds(3600);

    @Test
    void the_tag_is_the_quoted_version() {
        assertEquals("\"3\"", KycETag.of(3, STARTED, LATER, NOW));
        assertEquals("\"0\"", KycETag.of(0, null, null, NOW));
    }

    @Test
    void each_event_of_the_user_gives_another_tag() {
        assertNotEquals(KycETag.of(3, STARTED, LATER, NOW), KycETag.of(4, STARTED, LATER, NOW));
    }

    @Test
    void the_tag_changes_once_when_an_open_session_expires_without_an_event() {
        String before = KycETag.of(3, NOT_STARTED, LATER, NOW);
        String after = KycETag.of(3, NOT_STARTED, LATER, LATER);
        assertEquals("\"3\"", before);
        assertEquals("\"3-expired\"", after);
        assertEquals(after, KycETag.of(3, NOT_STARTED, LATER, LATER.plusSeconds(86_400)));
    }

    @Test
    void a_session_in_review_keeps_its_tag_past_its_page_expiry() {
        assertEquals("\"3\"", KycETag.of(3, REVIEW, NOW, LATER));
    }

    @Test
    void if_none_match_matches_the_same_tag_only() {
        assertTrue(KycETag.matches("\"3\"", "\"3\""));
        assertFalse(KycETag.matches("\"2\"", "\"3\""));
        assertFalse(KycETag.matches("\"3\"", "\"3-expired\""));
        assertFalse(KycETag.matches("3", "\"3\""));
    }

    @Test
    void if_none_match_may_list_tags_and_name_them_weak() {
        assertTrue(KycETag.matches("\"1\", W/\"3\"", "\"3\""));
        assertTrue(KycETag.matches(" \"2\" ,\"3\" ", "\"3\""));
        assertFalse(KycETag.matches("\"1\", W/\"2\"", "\"3\""));
    }

    @Test
    void a_star_matches_any_tag_and_no_header_matches_none() {
        assertTrue(KycETag.matches("*", "\"3-expired\""));
        assertFalse(KycETag.matches(null, "\"3\""));
    }
}
