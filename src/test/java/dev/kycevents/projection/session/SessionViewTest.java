package dev.kycevents.projection.session;

import static dev.kycevents.projection.session.SessionState.EXPIRED;
import static dev.kycevents.projection.session.SessionState.NOT_STARTED;
import static dev.kycevents.projection.session.SessionState.REJECTED;
import static dev.kycevents.projection.session.SessionState.REVIEW;
import static dev.kycevents.projection.session.SessionState.STARTED;
import static dev.kycevents.projection.session.SessionState.VERIFIED;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The rules on a session that the view, the ETag and the start of a verification all rely on. */
class SessionViewTest {

    static final UUID USER = UUID.fromString("550e8400-e29b-41d4-a716-446655440001");
    static final Instant NOW = Instant.parse("2025-06-20T12:00:00Z");
    static final Instant LATER = NOW.plusSeconds(3600);
    static final Instant EARLIER = NOW.minusSeconds(3600);

    static SessionView view(UUID sessionId, SessionState state, Instant expiresAt, Instant startedAt) {
        return new SessionView(sessionId, USER, state, List.of(), List.of(), null, expiresAt,
                startedAt, startedAt, List.of(), startedAt == null ? 0 : 1);
    }

    static SessionView startedAt(String sessionId, Instant startedAt) {
        return view(UUID.fromString(sessionId), NOT_STARTED, null, startedAt);
    }

    @Nested
    class OpenStates {

        @Test
        void only_not_started_and_started_are_open() {
            Set<SessionState> open = EnumSet.noneOf(SessionState.class);
            for (SessionState state : SessionState.values()) {
                if (state.open()) {
                    open.add(state);
                }
            }
            assertEquals(EnumSet.of(NOT_STARTED, STARTED), open);
        }

        @Test
        void no_state_is_both_open_and_terminal() {
            for (SessionState state : SessionState.values()) {
                assertFalse(state.open() && state.terminal(), state.name());
            }
        }

        @Test
        void an_open_session_expires_at_its_expiry_to_the_instant() {
            for (SessionState state : new SessionState[] {NOT_STARTED, STARTED}) {
                SessionView session = view(UUID.randomUUID(), state, NOW, EARLIER);
                assertFalse(session.expiredWhileOpen(NOW.minusNanos(1)), state + " just before");
                assertTrue(session.expiredWhileOpen(NOW), state + " at its expiry");
                assertTrue(session.expiredWhileOpen(LATER), state + " after");
            }
        }

        @Test
        void a_session_past_its_open_states_never_expires_with_its_page() {
            for (SessionState state : new SessionState[] {REVIEW, VERIFIED, REJECTED, EXPIRED}) {
                assertFalse(view(UUID.randomUUID(), state, EARLIER, EARLIER).expiredWhileOpen(NOW), state.name());
            }
        }

        @Test
        void an_open_session_without_a_known_expiry_never_expires_here() {
            assertFalse(view(UUID.randomUUID(), STARTED, null, EARLIER).expiredWhileOpen(LATER));
        }

        @Test
        void no_session_has_not_expired() {
            assertFalse(SessionView.expiredWhileOpen(null, EARLIER, NOW));
        }
    }

    @Nested
    class CurrentSession {

        @Test
        void a_user_without_sessions_has_no_current_session() {
            assertTrue(SessionView.current(List.of()).isEmpty());
        }

        @Test
        void the_current_session_is_the_most_recently_started() {
            SessionView old = startedAt("00000000-0000-0000-0000-00000000000f", EARLIER);
            SessionView recent = startedAt("00000000-0000-0000-0000-000000000001", NOW);
            assertEquals(recent, SessionView.current(List.of(old, recent)).orElseThrow());
            assertEquals(recent, SessionView.current(List.of(recent, old)).orElseThrow());
        }

        @Test
        void sessions_started_at_the_same_instant_are_told_apart_by_id_as_postgresql_orders_uuids() {
            // Java's UUID.compareTo is signed and ranks "f..." below "7f..."; PostgreSQL and text rank it above.
            SessionView low = startedAt("7fffffff-0000-0000-0000-000000000000", NOW);
            SessionView high = startedAt("f0000000-0000-0000-0000-000000000000", NOW);
            assertEquals(high, SessionView.current(List.of(low, high)).orElseThrow());
            assertEquals(high, SessionView.current(List.of(high, low)).orElseThrow());
        }

        @Test
        void a_session_with_no_event_yet_is_never_current_over_a_started_one() {
            SessionView empty = startedAt("ffffffff-ffff-ffff-ffff-ffffffffffff", null);
            SessionView started = startedAt("00000000-0000-0000-0000-000000000001", EARLIER);
            assertEquals(started, SessionView.current(List.of(empty, started)).orElseThrow());
        }

        @Test
        void newest_first_lists_sessions_for_the_response() {
            SessionView a = startedAt("00000000-0000-0000-0000-00000000000a", EARLIER);
            SessionView b = startedAt("00000000-0000-0000-0000-00000000000b", NOW);
            SessionView c = startedAt("00000000-0000-0000-0000-00000000000c", LATER);
            assertEquals(List.of(c, b, a), List.of(b, a, c).stream().sorted(SessionView.NEWEST_FIRST).toList());
        }
    }
}
