package dev.kycevents.projection.session;

import dev.kycevents.event.Check;
import dev.kycevents.event.KycEvent;
import dev.kycevents.event.RecordedEvent;

import java.time.Instant;
import java.util.List;

import static dev.kycevents.projection.Events.USER;
import static dev.kycevents.projection.Events.logged;
import static dev.kycevents.projection.Events.s1;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** given(events) then(view): the events arrive in the order listed and are folded into session s1. */
final class SessionSpec {

    private final SessionView view;

    private SessionSpec(SessionView view) {
        this.view = view;
    }

    static SessionSpec given(KycEvent... events) {
        return given(logged(events));
    }

    static SessionSpec given(List<RecordedEvent> log) {
        return new SessionSpec(SessionFold.fold(s1, USER, log));
    }

    SessionView view() {
        return view;
    }

    SessionSpec thenState(SessionState expected) {
        assertEquals(expected, view.state(), "state");
        return this;
    }

    SessionSpec thenAnomalies(int expected) {
        assertEquals(expected, view.anomalies().size(), () -> "anomalies " + view.anomalies());
        return this;
    }

    SessionSpec thenAnomaly(KycEvent ignored, String reason) {
        assertEquals(List.of(Anomaly.of(ignored, reason)), view.anomalies(), "anomalies");
        return this;
    }

    SessionSpec thenChecks(List<Check> expected) {
        assertEquals(expected, view.checks(), "checks");
        return this;
    }

    SessionSpec thenReasons(RefusalReason... expected) {
        assertEquals(List.of(expected), view.reasons(), "reasons");
        return this;
    }

    SessionSpec thenHostedUrl(String expected) {
        assertEquals(expected, view.hostedUrl(), "hostedUrl");
        return this;
    }

    SessionSpec thenExpiresAt(Instant expected) {
        assertEquals(expected, view.expiresAt(), "expiresAt");
        return this;
    }

    SessionSpec thenStartedAt(Instant expected) {
        assertEquals(expected, view.startedAt(), "startedAt");
        return this;
    }

    SessionSpec thenUpdatedAt(Instant expected) {
        assertEquals(expected, view.updatedAt(), "updatedAt");
        return this;
    }

    SessionSpec thenEventCount(int expected) {
        assertEquals(expected, view.eventCount(), "eventCount");
        return this;
    }
}
