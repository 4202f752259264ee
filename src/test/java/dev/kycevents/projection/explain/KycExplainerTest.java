package dev.kycevents.projection.explain;

import dev.kycevents.event.KycEvent;
import dev.kycevents.event.KycStateUpdated;
import dev.kycevents.event.RecordedEvent;
import dev.kycevents.event.SessionVerified;
import dev.kycevents.event.Unrecognised;
import dev.kycevents.projection.level.LevelFold;
import dev.kycevents.projection.session.SessionFold;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static dev.kycevents.event.KycLevel.LIGHT;
import static dev.kycevents.event.KycLevel.REGULAR;
import static dev.kycevents.projection.Events.OTHER_USER;
import static dev.kycevents.projection.Events.T0;
import static dev.kycevents.projection.Events.USER;
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
import static dev.kycevents.projection.session.SessionState.EXPIRED;
import static dev.kycevents.projection.session.SessionState.REJECTED;
import static dev.kycevents.projection.session.SessionState.REVIEW;
import static dev.kycevents.projection.session.SessionState.VERIFIED;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The events are logged in the order listed: positions 1, 2, 3... */
class KycExplainerTest {

    static KycExplanation explain(KycEvent... events) {
        return KycExplainer.explain(USER, logged(events));
    }

    static List<UUID> ids(List<ExplainedEvent> events) {
        return events.stream().map(ExplainedEvent::eventId).toList();
    }

    @Test
    void without_any_level_update_the_level_is_the_default() {
        KycExplanation explanation = explain(created(s1, t1), verified(s1, t2));

        assertEquals(LIGHT, explanation.level().level());
        assertEquals("default", explanation.level().basis());
        assertNull(explanation.level().decidedBy());
        assertEquals(List.of(), explanation.level().ignored());
    }

    @Test
    void the_latest_update_decides_the_level() {
        KycStateUpdated regular = levelUpdated(REGULAR, t2);

        LevelExplanation level = explain(regular).level();

        assertEquals(REGULAR, level.level());
        assertEquals("latest kyc_state_updated", level.basis());
        assertEquals(regular.eventId(), level.decidedBy().eventId());
        assertEquals(1, level.decidedBy().position());
        assertNull(level.decidedBy().reason());
    }

    @Test
    void an_update_replaced_by_a_later_one_is_superseded_by_it() {
        KycStateUpdated upgrade = levelUpdated(REGULAR, t1);
        KycStateUpdated downgrade = levelUpdated(LIGHT, t2);

        LevelExplanation level = explain(upgrade, downgrade).level();

        assertEquals(LIGHT, level.level());
        assertEquals(downgrade.eventId(), level.decidedBy().eventId());
        ExplainedEvent ignored = level.ignored().get(0);
        assertEquals(upgrade.eventId(), ignored.eventId());
        assertEquals("superseded by a later update " + downgrade.eventId(), ignored.reason());
        assertFalse(ignored.late());
    }

    @Test
    void an_update_logged_after_a_later_one_is_ignored_as_a_late_arrival() {
        KycStateUpdated downgrade = levelUpdated(LIGHT, t2);
        KycStateUpdated olderUpgrade = levelUpdated(REGULAR, t1);

        LevelExplanation level = explain(downgrade, olderUpgrade).level();

        assertEquals(LIGHT, level.level());
        assertEquals(downgrade.eventId(), level.decidedBy().eventId());
        ExplainedEvent ignored = level.ignored().get(0);
        assertEquals(olderUpgrade.eventId(), ignored.eventId());
        assertEquals("late arrival: the later update " + downgrade.eventId() + " was already in effect",
                ignored.reason());
        assertTrue(ignored.late());
    }

    @Test
    void each_ignored_update_is_listed_once_in_log_order() {
        KycStateUpdated first = levelUpdated(REGULAR, t1);
        KycStateUpdated last = levelUpdated(LIGHT, t3);
        KycStateUpdated lateOne = levelUpdated(REGULAR, t2);

        LevelExplanation level = explain(first, last, lateOne).level();

        assertEquals(last.eventId(), level.decidedBy().eventId());
        assertEquals(List.of(first.eventId(), lateOne.eventId()), ids(level.ignored()));
    }

    @Test
    void a_session_applies_its_events_in_time_order_and_flags_the_late_one() {
        var create = created(s1, t1);
        var verify = verified(s1, t3);
        var lateReview = review(s1, t2);

        SessionExplanation session = explain(create, verify, lateReview).sessions().get(0);

        assertEquals(s1, session.sessionId());
        assertEquals(VERIFIED, session.state());
        assertEquals(List.of(create.eventId(), lateReview.eventId(), verify.eventId()), ids(session.applied()));
        assertEquals(List.of(false, true, false), session.applied().stream().map(ExplainedEvent::late).toList());
        assertEquals(List.of(), session.ignored());
    }

    @Test
    void an_outcome_after_a_terminal_state_is_ignored_with_that_state() {
        var verify = verified(s1, t2);
        var fail = failed(s1, t3);

        SessionExplanation session = explain(created(s1, t1), verify, fail).sessions().get(0);

        assertEquals(VERIFIED, session.state());
        ExplainedEvent ignored = session.ignored().get(0);
        assertEquals(fail.eventId(), ignored.eventId());
        assertEquals("after terminal state VERIFIED", ignored.reason());
    }

    @Test
    void the_same_terminal_outcome_again_is_ignored_as_a_repeat() {
        SessionVerified first = verified(s1, t2);
        SessionVerified again = verified(s1, t3);

        SessionExplanation session = explain(first, again).sessions().get(0);

        assertEquals(List.of(first.eventId()), ids(session.applied()));
        assertEquals("repeats terminal state VERIFIED", session.ignored().get(0).reason());
    }

    @Test
    void details_arriving_after_a_terminal_state_are_still_applied() {
        var expire = expired(s1, t2);
        var create = created(s1, t3);

        SessionExplanation session = explain(expire, create).sessions().get(0);

        assertEquals(EXPIRED, session.state());
        assertEquals(List.of(expire.eventId(), create.eventId()), ids(session.applied()));
    }

    @Test
    void sessions_are_explained_separately_in_the_order_they_started() {
        KycExplanation explanation = explain(created(s2, t3), failed(s2, t4), created(s1, t1), review(s1, t2));

        assertEquals(List.of(s1, s2), explanation.sessions().stream().map(SessionExplanation::sessionId).toList());
        assertEquals(List.of(REVIEW, REJECTED),
                explanation.sessions().stream().map(SessionExplanation::state).toList());
    }

    @Test
    void unknown_types_are_ignored_with_their_type_and_belong_to_no_session() {
        Unrecognised started = unrecognised(s1, t2);

        KycExplanation explanation = explain(created(s1, t1), started);

        ExplainedEvent ignored = explanation.ignored().get(0);
        assertEquals(started.eventId(), ignored.eventId());
        assertEquals("unknown type kyc_session_started", ignored.reason());
        assertEquals(1, explanation.sessions().get(0).applied().size());
        assertEquals(List.of(), explanation.sessions().get(0).ignored());
    }

    @Test
    void late_means_logged_after_any_event_of_the_user_that_happened_later() {
        KycStateUpdated update = levelUpdated(REGULAR, t3);
        var create = created(s1, t1);

        KycExplanation explanation = explain(update, create);

        assertTrue(explanation.sessions().get(0).applied().get(0).late());
        assertFalse(explanation.level().decidedBy().late());
    }

    @Test
    void other_users_events_and_second_copies_are_left_out() {
        KycStateUpdated mine = levelUpdated(REGULAR, t1);
        KycStateUpdated theirs = new KycStateUpdated(UUID.randomUUID(), OTHER_USER, t2, LIGHT);
        List<RecordedEvent> log = new ArrayList<>(logged(mine, theirs));
        log.add(new RecordedEvent(3, t3, mine));

        LevelExplanation level = KycExplainer.explain(USER, log).level();

        assertEquals(REGULAR, level.level());
        assertEquals(1, level.decidedBy().position());
        assertEquals(List.of(), level.ignored());
    }

    @Test
    void the_explanation_agrees_with_the_folds() {
        List<RecordedEvent> log = logged(levelUpdated(REGULAR, t2), created(s1, T0), verified(s1, t3),
                levelUpdated(LIGHT, t1), review(s1, t1), failed(s1, t4), created(s2, t4), expired(s2, t3));

        KycExplanation explanation = KycExplainer.explain(USER, log);

        var levelView = LevelFold.fold(USER, log);
        assertEquals(levelView.level(), explanation.level().level());
        assertEquals(levelView.levelPosition(), explanation.level().decidedBy().position());
        for (SessionExplanation session : explanation.sessions()) {
            var view = SessionFold.fold(session.sessionId(), USER, log);
            assertEquals(view.state(), session.state());
            assertEquals(view.anomalies().size(), session.ignored().size());
            assertEquals(view.eventCount(), session.applied().size() + session.ignored().size());
        }
    }
}
