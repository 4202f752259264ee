package dev.kycevents.projection.session;

import dev.kycevents.event.Check;
import dev.kycevents.event.SessionCreated;
import dev.kycevents.event.SessionEvent;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
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

    public SessionView {
        checks = List.copyOf(checks);
        reasons = List.copyOf(reasons);
        anomalies = List.copyOf(anomalies);
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

    /** True once the hosted page can no longer be used; a session with no known expiry never expires here. */
    public boolean expiredAt(Instant now) {
        return expired(expiresAt, now);
    }

    /** Whether a hosted page expiring at {@code expiresAt} (null: never) is dead at {@code now}. */
    public static boolean expired(Instant expiresAt, Instant now) {
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
