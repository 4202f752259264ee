package dev.kycevents.projection.level;

import dev.kycevents.event.KycStateUpdated;
import dev.kycevents.event.RecordedEvent;
import dev.kycevents.event.SessionCreated;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.kycevents.event.KycLevel.LIGHT;
import static dev.kycevents.event.KycLevel.REGULAR;
import static dev.kycevents.projection.Events.OTHER_USER;
import static dev.kycevents.projection.Events.USER;
import static dev.kycevents.projection.Events.created;
import static dev.kycevents.projection.Events.failed;
import static dev.kycevents.projection.Events.levelUpdated;
import static dev.kycevents.projection.Events.logged;
import static dev.kycevents.projection.Events.nextId;
import static dev.kycevents.projection.Events.s1;
import static dev.kycevents.projection.Events.s2;
import static dev.kycevents.projection.Events.t1;
import static dev.kycevents.projection.Events.t2;
import static dev.kycevents.projection.Events.t3;
import static dev.kycevents.projection.Events.unrecognised;
import static dev.kycevents.projection.Events.verified;
import static dev.kycevents.projection.level.LevelSpec.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class LevelFoldTest {

    @Test
    void a_user_without_events_is_light_and_may_not_open_an_account() {
        LevelView view = given().thenLevel(LIGHT).thenAccountCreationAllowed(false).thenVersion(0).view();
        assertNull(view.levelAt());
        assertEquals(0, view.levelPosition());
    }

    @Test
    void an_upgrade_to_regular_allows_account_creation() {
        given(levelUpdated(REGULAR, t1)).thenLevel(REGULAR).thenAccountCreationAllowed(true);
    }

    @Test
    void a_later_downgrade_to_light_is_applied() {
        List<RecordedEvent> log = logged(levelUpdated(REGULAR, t1), levelUpdated(LIGHT, t2));
        given(log).thenLevel(LIGHT).thenAccountCreationAllowed(false).thenDecidedBy(log.get(1));
    }

    @Test
    void a_late_older_update_never_wins() {
        List<RecordedEvent> log = logged(levelUpdated(REGULAR, t2), levelUpdated(LIGHT, t1));
        given(log).thenLevel(REGULAR).thenDecidedBy(log.get(0)).thenVersion(2);
    }

    @Test
    void at_the_same_instant_the_later_position_wins() {
        List<RecordedEvent> log = logged(levelUpdated(LIGHT, t1), levelUpdated(REGULAR, t1));
        given(log).thenLevel(REGULAR).thenDecidedBy(log.get(1));
        given(List.of(log.get(1), log.get(0))).thenLevel(REGULAR).thenDecidedBy(log.get(1));
    }

    @Test
    void a_verified_session_alone_never_allows_account_creation() {
        given(created(s1, t1), verified(s1, t2)).thenLevel(LIGHT).thenAccountCreationAllowed(false);
    }

    @Test
    void every_event_of_the_user_counts_towards_the_version() {
        given(created(s1, t1), failed(s1, t2), created(s2, t2), levelUpdated(REGULAR, t3), unrecognised(null, t3))
                .thenVersion(5);
    }

    @Test
    void a_redelivered_event_counts_once() {
        List<RecordedEvent> log = logged(created(s1, t1), levelUpdated(REGULAR, t2));
        given(List.of(log.get(0), log.get(1), log.get(1), log.get(0))).thenVersion(2).thenLevel(REGULAR);
    }

    @Test
    void another_users_events_are_ignored() {
        KycStateUpdated theirs = new KycStateUpdated(nextId(), OTHER_USER, t2, REGULAR);
        SessionCreated theirSession = new SessionCreated(nextId(), OTHER_USER, s2, t1, "https://x", t3);
        given(theirSession, theirs, levelUpdated(LIGHT, t1)).thenLevel(LIGHT).thenVersion(1);
    }

    @Test
    void evolve_applied_one_event_at_a_time_matches_the_fold() {
        List<RecordedEvent> log = logged(levelUpdated(REGULAR, t3), created(s1, t1), levelUpdated(LIGHT, t2));
        LevelView live = LevelFold.initial(USER);
        for (RecordedEvent r : log) {
            live = LevelFold.evolve(live, r);
        }
        assertEquals(given(log).view(), live);
        assertEquals(REGULAR, live.level());
    }
}
