package dev.kycevents.projection;

import dev.kycevents.event.KycEvent;
import dev.kycevents.event.KycLevel;
import dev.kycevents.event.KycStateUpdated;
import dev.kycevents.event.LegalHoldPlaced;
import dev.kycevents.event.LegalHoldReleased;
import dev.kycevents.event.RelationshipEnded;
import dev.kycevents.event.RetentionEvent;
import dev.kycevents.event.UserErased;
import dev.kycevents.event.RecordedEvent;
import dev.kycevents.event.SessionCreated;
import dev.kycevents.event.SessionEvent;
import dev.kycevents.event.SessionExpired;
import dev.kycevents.event.SessionFailed;
import dev.kycevents.event.SessionSentToReview;
import dev.kycevents.event.SessionVerified;
import dev.kycevents.event.Unrecognised;
import dev.kycevents.projection.level.LevelFold;
import dev.kycevents.projection.level.LevelView;
import dev.kycevents.projection.session.SessionFold;
import dev.kycevents.projection.session.SessionState;
import dev.kycevents.projection.session.SessionView;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static dev.kycevents.event.KycLevel.LIGHT;
import static dev.kycevents.event.KycLevel.REGULAR;
import static dev.kycevents.projection.Events.USER;
import static dev.kycevents.projection.Events.created;
import static dev.kycevents.projection.Events.expired;
import static dev.kycevents.projection.Events.failed;
import static dev.kycevents.projection.Events.levelUpdated;
import static dev.kycevents.projection.Events.logged;
import static dev.kycevents.projection.Events.review;
import static dev.kycevents.projection.Events.s1;
import static dev.kycevents.projection.Events.t1;
import static dev.kycevents.projection.Events.unrecognised;
import static dev.kycevents.projection.Events.verified;
import static dev.kycevents.projection.session.SessionState.EXPIRED;
import static dev.kycevents.projection.session.SessionState.NOT_STARTED;
import static dev.kycevents.projection.session.SessionState.REJECTED;
import static dev.kycevents.projection.session.SessionState.REVIEW;
import static dev.kycevents.projection.session.SessionState.VERIFIED;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The folds' instanceof chains have no compiler check: a new event type must be given an expected effect here. */
class EveryEventTypeTest {

    record Sample(KycEvent event, SessionState sessionState, KycLevel level) {
    }

    static final Map<Class<?>, Sample> SAMPLES = Map.ofEntries(
            Map.entry(SessionCreated.class, new Sample(created(s1, t1), NOT_STARTED, LIGHT)),
            Map.entry(SessionVerified.class, new Sample(verified(s1, t1), VERIFIED, LIGHT)),
            Map.entry(SessionSentToReview.class, new Sample(review(s1, t1), REVIEW, LIGHT)),
            Map.entry(SessionFailed.class, new Sample(failed(s1, t1), REJECTED, LIGHT)),
            Map.entry(SessionExpired.class, new Sample(expired(s1, t1), EXPIRED, LIGHT)),
            Map.entry(KycStateUpdated.class, new Sample(levelUpdated(REGULAR, t1), NOT_STARTED, REGULAR)),
            Map.entry(Unrecognised.class, new Sample(unrecognised(s1, t1), NOT_STARTED, LIGHT)),
            // Retention events are not about KYC: no effect on either view, not even the level's version.
            Map.entry(RelationshipEnded.class, new Sample(new RelationshipEnded(UUID.randomUUID(), USER, t1, t1),
                    NOT_STARTED, LIGHT)),
            Map.entry(LegalHoldPlaced.class, new Sample(new LegalHoldPlaced(UUID.randomUUID(), USER, t1, "inquiry"),
                    NOT_STARTED, LIGHT)),
            Map.entry(LegalHoldReleased.class, new Sample(new LegalHoldReleased(UUID.randomUUID(), USER, t1, null),
                    NOT_STARTED, LIGHT)),
            Map.entry(UserErased.class, new Sample(new UserErased(UUID.randomUUID(), USER, t1,
                    UserErased.RULE_RETENTION_PERIOD, "P5Y", t1, 3, 3), NOT_STARTED, LIGHT)));

    /** The concrete event types, following sealed interfaces down to their records. */
    static Set<Class<?>> concreteTypes(Class<?> type) {
        if (!type.isSealed()) {
            return Set.of(type);
        }
        Set<Class<?>> types = new HashSet<>();
        Arrays.stream(type.getPermittedSubclasses()).forEach(sub -> types.addAll(concreteTypes(sub)));
        return types;
    }

    @Test
    void every_event_type_has_a_sample_with_its_expected_effect() {
        assertEquals(concreteTypes(KycEvent.class), SAMPLES.keySet());
    }

    @Test
    void every_session_event_type_is_among_the_samples() {
        Set<Class<?>> sessionTypes = concreteTypes(SessionEvent.class);
        assertTrue(SAMPLES.keySet().containsAll(sessionTypes), () -> "missing samples among " + sessionTypes);
    }

    @Test
    void every_event_type_folds_into_the_session_view_as_expected() {
        SAMPLES.forEach((type, sample) -> {
            SessionView view = SessionFold.fold(s1, USER, logged(sample.event()));
            assertEquals(sample.sessionState(), view.state(), type.getSimpleName());
            assertEquals(sample.event() instanceof SessionEvent ? 1 : 0, view.eventCount(), type.getSimpleName());
        });
    }

    @Test
    void every_event_type_folds_into_the_level_view_as_expected() {
        SAMPLES.forEach((type, sample) -> {
            List<RecordedEvent> log = logged(sample.event());
            LevelView view = LevelFold.fold(USER, log);
            assertEquals(sample.level(), view.level(), type.getSimpleName());
            assertEquals(sample.event() instanceof RetentionEvent ? 0 : 1, view.version(), type.getSimpleName());
        });
    }
}
