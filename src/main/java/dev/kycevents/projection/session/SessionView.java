package dev.kycevents.projection.session;

import dev.kycevents.event.Check;
import dev.kycevents.event.SessionCreated;
import dev.kycevents.event.SessionEvent;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * One verification session as the user and compliance see it.
 *
 * @param checks     the checks of the latest applied outcome
 * @param reasons    the refused checks' reasons from those same checks
 * @param hostedUrl  from {@code SessionCreated}; null if this service did not create the session
 * @param expiresAt  from {@code SessionCreated}; null if unknown
 * @param startedAt  when the session's earliest event happened; null before any
 * @param updatedAt  when the last applied event happened; ignored events leave it alone
 * @param anomalies  events that contradicted a terminal state
 * @param eventCount how many of the session's events were folded, ignored ones included
 */
public record SessionView(UUID sessionId, UUID userId, SessionState state, List<Check> checks,
                          List<RefusalReason> reasons, String hostedUrl, Instant expiresAt,
                          Instant startedAt, Instant updatedAt, List<Anomaly> anomalies, int eventCount) {

    /**
     * Most recently started first. Ties go to the greater session id compared as text, which is also
     * PostgreSQL's uuid order, so {@code ORDER BY started_at DESC, session_id DESC} agrees with it.
     * Sessions with no event yet have no start and come last.
     */
    public static final Comparator<SessionView> NEWEST_FIRST = Comparator
            .comparing(SessionView::startedAt, Comparator.nullsFirst(Comparator.<Instant>naturalOrder()))
            .thenComparing(s -> s.sessionId().toString())
            .reversed();

    public SessionView {
        checks = List.copyOf(checks);
        reasons = List.copyOf(reasons);
        anomalies = List.copyOf(anomalies);
    }

    /** A user's current session is the most recently started one. */
    public static Optional<SessionView> current(Collection<SessionView> sessions) {
        return sessions.stream().min(NEWEST_FIRST);
    }

    /**
     * The session's only state rule. Terminal states absorb: the same outcome again says nothing new,
     * a different one is ignored and kept as an anomaly.
     */
    public SessionView moveTo(SessionState target, SessionEvent cause) {
        SessionView seen = seen(cause);
        if (!state.terminal()) {
            return seen.outcome(target, cause);
        }
        if (target == state) {
            return seen;
        }
        return seen.withAnomaly(Anomaly.of(cause, "after terminal state " + state));
    }

    /** Creation only tells where and until when the user can verify; it never changes the state. */
    public SessionView withDetails(SessionCreated created) {
        SessionView seen = seen(created);
        return new SessionView(sessionId, userId, state, checks, reasons, created.hostedUrl(), created.expiresAt(),
                seen.startedAt, created.occurredAt(), anomalies, seen.eventCount);
    }

    /**
     * Still {@link SessionState#open() open}, but its hosted page is dead: Ralio may not have sent
     * {@code kyc_session_expired} yet, and the session can no longer complete all the same.
     */
    public boolean expiredWhileOpen(Instant now) {
        return expiredWhileOpen(state, expiresAt, now);
    }

    /** {@link #expiredWhileOpen(Instant)} from a session's state and expiry alone; a null state: no session. */
    public static boolean expiredWhileOpen(SessionState state, Instant expiresAt, Instant now) {
        return state != null && state.open() && expired(expiresAt, now);
    }

    /** Whether a hosted page expiring at {@code expiresAt} is dead at {@code now}; no known expiry: never. */
    private static boolean expired(Instant expiresAt, Instant now) {
        return expiresAt != null && !now.isBefore(expiresAt);
    }

    private SessionView seen(SessionEvent event) {
        Instant at = event.occurredAt();
        Instant earliest = startedAt == null || at.isBefore(startedAt) ? at : startedAt;
        return new SessionView(sessionId, userId, state, checks, reasons, hostedUrl, expiresAt,
                earliest, updatedAt, anomalies, eventCount + 1);
    }

    private SessionView outcome(SessionState target, SessionEvent cause) {
        return new SessionView(sessionId, userId, target, cause.checks(), RefusalReason.of(cause.checks()),
                hostedUrl, expiresAt, startedAt, cause.occurredAt(), anomalies, eventCount);
    }

    private SessionView withAnomaly(Anomaly anomaly) {
        List<Anomaly> more = new ArrayList<>(anomalies);
        more.add(anomaly);
        return new SessionView(sessionId, userId, state, checks, reasons, hostedUrl, expiresAt,
                startedAt, updatedAt, more, eventCount);
    }
}
