package dev.kycevents.projection.session;

import dev.kycevents.event.KycLevel;
import dev.kycevents.event.RecordedEvent;
import dev.kycevents.event.SessionCreated;
import dev.kycevents.event.SessionFailed;
import dev.kycevents.event.SessionVerified;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.kycevents.projection.Events.FAILED_CHECKS;
import static dev.kycevents.projection.Events.HOSTED_URL;
import static dev.kycevents.projection.Events.REVIEW_CHECKS;
import static dev.kycevents.projection.Events.USER;
import static dev.kycevents.projection.Events.VERIFIED_CHECKS;
import static dev.kycevents.projection.Events.created;
import static dev.kycevents.projection.Events.expired;
import static dev.kycevents.projection.Events.failed;
import static dev.kycevents.projection.Events.levelUpdated;
import static dev.kycevents.projection.Events.logged;
import static dev.kycevents.projection.Events.review;
import static dev.kycevents.projection.Events.s1;
import static dev.kycevents.projection.Events.s2;
import static dev.kycevents.projection.Events.t1;
import static dev.kycevents.projection.Events.t2;
import static dev.kycevents.projection.Events.t3;
import static dev.kycevents.projection.Events.t4;
import static dev.kycevents.projection.Events.unrecognised;
import static dev.kycevents.projection.Events.verified;
import static dev.kycevents.projection.session.SessionSpec.given;
import static dev.kycevents.projection.session.SessionState.EXPIRED;
import static dev.kycevents.projection.session.SessionState.NOT_STARTED;
import static dev.kycevents.projection.session.SessionState.REJECTED;
import static dev.kycevents.projection.session.SessionState.REVIEW;
import static dev.kycevents.projection.session.SessionState.VERIFIED;
import static org.junit.jupiter.api.Assertions.assertEquals;

class SessionFoldTest {

    @Nested
    class Transitions {

        @Test
        void a_session_without_events_is_not_started() {
            given().thenState(NOT_STARTED).thenEventCount(0).thenStartedAt(null).thenUpdatedAt(null);
        }

        @Test
        void created_leaves_the_session_not_started() {
            given(created(s1, t1)).thenState(NOT_STARTED).thenAnomalies(0);
        }

        @Test
        void verified_moves_to_verified() {
            given(created(s1, t1), verified(s1, t2)).thenState(VERIFIED);
        }

        @Test
        void manual_review_moves_to_review() {
            given(created(s1, t1), review(s1, t2)).thenState(REVIEW);
        }

        @Test
        void failed_moves_to_rejected() {
            given(created(s1, t1), failed(s1, t2)).thenState(REJECTED);
        }

        @Test
        void expired_moves_to_expired() {
            given(created(s1, t1), expired(s1, t2)).thenState(EXPIRED);
        }

        @Test
        void an_outcome_without_a_created_event_still_applies() {
            given(verified(s1, t1)).thenState(VERIFIED).thenHostedUrl(null).thenExpiresAt(null);
        }

        @Test
        void review_ends_verified_when_compliance_approves() {
            given(created(s1, t1), review(s1, t2), verified(s1, t3)).thenState(VERIFIED).thenAnomalies(0);
        }

        @Test
        void review_ends_rejected_when_compliance_refuses() {
            given(created(s1, t1), review(s1, t2), failed(s1, t3)).thenState(REJECTED).thenAnomalies(0);
        }

        @Test
        void review_can_expire() {
            given(created(s1, t1), review(s1, t2), expired(s1, t3)).thenState(EXPIRED).thenAnomalies(0);
        }

        @Test
        void review_again_stays_in_review_without_anomaly() {
            given(created(s1, t1), review(s1, t2), review(s1, t3)).thenState(REVIEW).thenAnomalies(0);
        }
    }

    @Nested
    class TerminalStates {

        @Test
        void verified_is_terminal() {
            SessionFailed late = failed(s1, t3);
            given(created(s1, t1), verified(s1, t2), late)
                    .thenState(VERIFIED).thenAnomaly(late, "after terminal state VERIFIED");
        }

        @Test
        void rejected_is_terminal() {
            SessionVerified late = verified(s1, t3);
            given(created(s1, t1), failed(s1, t2), late)
                    .thenState(REJECTED).thenAnomaly(late, "after terminal state REJECTED");
        }

        @Test
        void expired_is_terminal() {
            given(created(s1, t1), expired(s1, t2), review(s1, t3), verified(s1, t4))
                    .thenState(EXPIRED).thenAnomalies(2);
        }

        @Test
        void an_ignored_event_keeps_the_checks_and_update_time_of_the_outcome() {
            given(created(s1, t1), failed(s1, t2), verified(s1, t3))
                    .thenChecks(FAILED_CHECKS).thenUpdatedAt(t2).thenEventCount(3);
        }

        @Test
        void the_same_terminal_state_twice_is_not_an_anomaly() {
            given(created(s1, t1), verified(s1, t2), verified(s1, t3))
                    .thenState(VERIFIED).thenAnomalies(0).thenUpdatedAt(t2).thenEventCount(3);
        }
    }

    @Nested
    class TimeOrder {

        @Test
        void a_late_older_event_does_not_regress_the_state() {
            given(created(s1, t1), verified(s1, t3), review(s1, t2))
                    .thenState(VERIFIED).thenAnomalies(0).thenChecks(VERIFIED_CHECKS).thenUpdatedAt(t3);
        }

        @Test
        void a_late_older_outcome_is_applied_at_its_place_in_time() {
            SessionFailed newer = failed(s1, t3);
            given(created(s1, t1), newer, verified(s1, t2))
                    .thenState(VERIFIED).thenAnomaly(newer, "after terminal state VERIFIED");
        }

        @Test
        void a_late_created_event_does_not_reset_the_state() {
            given(verified(s1, t2), created(s1, t1))
                    .thenState(VERIFIED).thenHostedUrl(HOSTED_URL).thenStartedAt(t1).thenUpdatedAt(t2);
        }

        @Test
        void events_at_the_same_instant_apply_in_log_order() {
            given(created(s1, t1), review(s1, t2), failed(s1, t2)).thenState(REJECTED).thenAnomalies(0);
            given(created(s1, t1), failed(s1, t2), review(s1, t2)).thenState(REJECTED).thenAnomalies(1);
        }

        @Test
        void a_duplicate_delivery_is_folded_once() {
            SessionCreated c = created(s1, t1);
            SessionVerified v = verified(s1, t2);
            List<RecordedEvent> log = logged(c, v);
            List<RecordedEvent> twice = List.of(log.get(1), log.get(0), log.get(1), log.get(0));
            assertEquals(given(log).view(), given(twice).view());
            given(twice).thenEventCount(2);
        }
    }

    @Nested
    class ChecksAndReasons {

        @Test
        void failed_keeps_the_refused_checks_reasons_named_by_check_type() {
            given(created(s1, t1), failed(s1, t2))
                    .thenChecks(FAILED_CHECKS)
                    .thenReasons(new RefusalReason("document-verification", "DOCUMENT_EXPIRED",
                            "The identity document has expired"));
        }

        @Test
        void manual_review_keeps_the_inconclusive_face_match() {
            given(created(s1, t1), review(s1, t2))
                    .thenChecks(REVIEW_CHECKS)
                    .thenReasons(new RefusalReason("face-matching", "LOW_CONFIDENCE",
                            "Face matching confidence below threshold"));
        }

        @Test
        void verified_has_checks_but_no_reasons() {
            given(created(s1, t1), verified(s1, t2)).thenChecks(VERIFIED_CHECKS).thenReasons();
        }

        @Test
        void the_latest_outcome_replaces_earlier_checks() {
            given(created(s1, t1), review(s1, t2), verified(s1, t3)).thenChecks(VERIFIED_CHECKS).thenReasons();
        }

        @Test
        void an_outcome_without_checks_clears_earlier_reasons() {
            given(created(s1, t1), review(s1, t2), expired(s1, t3)).thenChecks(List.of()).thenReasons();
        }

        @Test
        void created_keeps_checks_already_reported() {
            given(review(s1, t2), created(s1, t3)).thenChecks(REVIEW_CHECKS).thenState(REVIEW);
        }
    }

    @Nested
    class Details {

        @Test
        void created_sets_hosted_url_and_expiry() {
            SessionCreated c = created(s1, t1);
            given(c).thenHostedUrl(HOSTED_URL).thenExpiresAt(c.expiresAt());
        }

        @Test
        void started_at_is_the_earliest_event_and_updated_at_the_last_applied() {
            given(created(s1, t1), review(s1, t2), verified(s1, t3))
                    .thenStartedAt(t1).thenUpdatedAt(t3).thenEventCount(3);
        }

        @Test
        void the_view_names_its_session_and_user() {
            SessionView view = given(created(s1, t1)).view();
            assertEquals(s1, view.sessionId());
            assertEquals(USER, view.userId());
        }
    }

    @Nested
    class IgnoredEvents {

        @Test
        void level_updates_are_not_the_session_views_concern() {
            given(created(s1, t1), levelUpdated(KycLevel.REGULAR, t2))
                    .thenState(NOT_STARTED).thenEventCount(1).thenUpdatedAt(t1);
        }

        @Test
        void unrecognised_events_of_the_session_change_nothing() {
            given(created(s1, t1), unrecognised(s1, t2), unrecognised(null, t3))
                    .thenState(NOT_STARTED).thenEventCount(1).thenUpdatedAt(t1);
        }

        @Test
        void another_sessions_events_are_ignored() {
            given(created(s1, t1), verified(s2, t2), created(s2, t3))
                    .thenState(NOT_STARTED).thenEventCount(1).thenUpdatedAt(t1);
        }
    }
}
