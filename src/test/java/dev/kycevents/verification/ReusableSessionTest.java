package dev.kycevents.verification;

import static dev.kycevents.projection.session.SessionState.EXPIRED;
import static dev.kycevents.projection.session.SessionState.NOT_STARTED;
import static dev.kycevents.projection.session.SessionState.REJECTED;
import static dev.kycevents.projection.session.SessionState.REVIEW;
import static dev.kycevents.projection.session.SessionState.STARTED;
import static dev.kycevents.projection.session.SessionState.VERIFIED;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kycevents.projection.session.SessionState;
import dev.kycevents.projection.session.SessionView;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Which existing session a start request gets back instead of a new one. */
class ReusableSessionTest {

    static final Instant T = Instant.parse("2025-06-19T17:00:00Z");
    static final UUID USER = UUID.randomUUID();

    static SessionView session(SessionState state, Instant startedAt, Instant expiresAt) {
        return new SessionView(UUID.randomUUID(), USER, state, List.of(), List.of(), "https://v.example/s", expiresAt,
                startedAt, startedAt, List.of(), 1);
    }

    static Optional<SessionView> reusable(Instant now, SessionView... sessions) {
        return ReusableSession.among(List.of(sessions), now);
    }

    @Test
    void no_session_means_none_to_reuse() {
        assertTrue(reusable(T).isEmpty());
    }

    @Test
    void a_not_started_or_started_session_is_reused_until_it_expires() {
        for (SessionState state : new SessionState[] {NOT_STARTED, STARTED}) {
            SessionView open = session(state, T, T.plus(Duration.ofDays(7)));
            assertEquals(Optional.of(open), reusable(T.plus(Duration.ofDays(6)), open));
            assertTrue(reusable(T.plus(Duration.ofDays(7)), open).isEmpty(), state + " at its expiry");
        }
    }

    @Test
    void a_session_without_a_known_expiry_stays_reusable() {
        SessionView open = session(STARTED, T, null);
        assertEquals(Optional.of(open), reusable(T.plus(Duration.ofDays(365)), open));
    }

    @Test
    void a_session_in_review_is_reused_even_past_its_page_expiry() {
        SessionView review = session(REVIEW, T, T.plus(Duration.ofDays(7)));
        assertEquals(Optional.of(review), reusable(T.plus(Duration.ofDays(30)), review));
    }

    @Test
    void a_verified_rejected_or_expired_session_is_not_reused() {
        for (SessionState state : new SessionState[] {VERIFIED, REJECTED, EXPIRED}) {
            assertTrue(reusable(T, session(state, T, T.plus(Duration.ofDays(7)))).isEmpty(), state.name());
        }
    }

    @Test
    void only_the_current_session_counts_as_the_view_does() {
        SessionView olderInReview = session(REVIEW, T, null);
        SessionView newerRejected = session(REJECTED, T.plusSeconds(60), null);
        assertTrue(reusable(T.plusSeconds(120), olderInReview, newerRejected).isEmpty());
    }
}
