package dev.kycevents.query;

import dev.kycevents.projection.session.SessionState;
import dev.kycevents.projection.session.SessionView;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static dev.kycevents.event.KycLevel.LIGHT;
import static dev.kycevents.event.KycLevel.REGULAR;
import static dev.kycevents.projection.session.SessionState.EXPIRED;
import static dev.kycevents.projection.session.SessionState.NOT_STARTED;
import static dev.kycevents.projection.session.SessionState.REJECTED;
import static dev.kycevents.projection.session.SessionState.REVIEW;
import static dev.kycevents.projection.session.SessionState.STARTED;
import static dev.kycevents.projection.session.SessionState.VERIFIED;
import static dev.kycevents.query.NextAction.COMPLETE_VERIFICATION;
import static dev.kycevents.query.NextAction.CREATE_ACCOUNT;
import static dev.kycevents.query.NextAction.CREATE_NEW_SESSION;
import static dev.kycevents.query.NextAction.START_VERIFICATION;
import static dev.kycevents.query.NextAction.WAIT_FOR_LEVEL_UPDATE;
import static dev.kycevents.query.NextAction.WAIT_FOR_REVIEW;
import static org.junit.jupiter.api.Assertions.assertEquals;

class NextActionTest {

    static final UUID USER = UUID.fromString("550e8400-e29b-41d4-a716-446655440001");
    static final Instant NOW = Instant.parse("2025-06-20T12:00:00Z");
    static final Instant LATER = NOW.plusSeconds(3600);
    static final Instant EARLIER = NOW.minusSeconds(3600);

    static SessionView session(SessionState state, Instant expiresAt) {
        return view(UUID.randomUUID(), state, expiresAt, EARLIER);
    }

    static SessionView view(UUID sessionId, SessionState state, Instant expiresAt, Instant startedAt) {
        return new SessionView(sessionId, USER, state, List.of(), List.of(), null, expiresAt,
                startedAt, startedAt, List.of(), startedAt == null ? 0 : 1);
    }

    @Nested
    class Of {

        @Test
        void a_regular_user_creates_an_account_whatever_the_session() {
            assertEquals(CREATE_ACCOUNT, NextAction.of(REGULAR, null, NOW));
            assertEquals(CREATE_ACCOUNT, NextAction.of(REGULAR, session(REJECTED, null), NOW));
            assertEquals(CREATE_ACCOUNT, NextAction.of(REGULAR, session(NOT_STARTED, EARLIER), NOW));
        }

        @Test
        void a_light_user_without_a_session_starts_verification() {
            assertEquals(START_VERIFICATION, NextAction.of(LIGHT, null, NOW));
        }

        @Test
        void a_session_not_started_and_not_expired_is_to_be_completed() {
            assertEquals(COMPLETE_VERIFICATION, NextAction.of(LIGHT, session(NOT_STARTED, LATER), NOW));
        }

        @Test
        void a_started_session_not_expired_is_to_be_completed() {
            assertEquals(COMPLETE_VERIFICATION, NextAction.of(LIGHT, session(STARTED, LATER), NOW));
        }

        @Test
        void a_session_with_no_known_expiry_is_to_be_completed() {
            assertEquals(COMPLETE_VERIFICATION, NextAction.of(LIGHT, session(NOT_STARTED, null), NOW));
            assertEquals(COMPLETE_VERIFICATION, NextAction.of(LIGHT, session(STARTED, null), NOW));
        }

        @Test
        void a_session_past_its_expiry_needs_a_new_one_before_ralio_says_so() {
            assertEquals(CREATE_NEW_SESSION, NextAction.of(LIGHT, session(NOT_STARTED, EARLIER), NOW));
            assertEquals(CREATE_NEW_SESSION, NextAction.of(LIGHT, session(STARTED, EARLIER), NOW));
        }

        @Test
        void a_session_expires_at_the_instant_of_its_expiry() {
            Instant justBefore = NOW.minusNanos(1);
            assertEquals(COMPLETE_VERIFICATION, NextAction.of(LIGHT, session(NOT_STARTED, NOW), justBefore));
            assertEquals(CREATE_NEW_SESSION, NextAction.of(LIGHT, session(NOT_STARTED, NOW), NOW));
        }

        @Test
        void a_session_in_review_waits_for_review_even_past_its_expiry() {
            assertEquals(WAIT_FOR_REVIEW, NextAction.of(LIGHT, session(REVIEW, LATER), NOW));
            assertEquals(WAIT_FOR_REVIEW, NextAction.of(LIGHT, session(REVIEW, EARLIER), NOW));
        }

        @Test
        void a_verified_session_of_a_light_user_waits_for_the_level_update() {
            assertEquals(WAIT_FOR_LEVEL_UPDATE, NextAction.of(LIGHT, session(VERIFIED, LATER), NOW));
        }

        @Test
        void a_rejected_session_needs_a_new_one() {
            assertEquals(CREATE_NEW_SESSION, NextAction.of(LIGHT, session(REJECTED, LATER), NOW));
        }

        @Test
        void an_expired_session_needs_a_new_one() {
            assertEquals(CREATE_NEW_SESSION, NextAction.of(LIGHT, session(EXPIRED, LATER), NOW));
        }
    }
}
