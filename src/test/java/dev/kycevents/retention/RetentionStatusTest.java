package dev.kycevents.retention;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kycevents.event.LegalHoldPlaced;
import dev.kycevents.event.LegalHoldReleased;
import dev.kycevents.event.RecordedEvent;
import dev.kycevents.event.RelationshipEnded;
import dev.kycevents.event.UserErased;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The retention rules, without a database: given the user's events, whether and when they may be erased. */
class RetentionStatusTest {

    static final UUID USER = UUID.randomUUID();
    static final RetentionPeriod FIVE_YEARS = RetentionPeriod.parse("P5Y");
    static final Instant ENDED = Instant.parse("2025-06-30T00:00:00Z");
    static final Instant FIVE_YEARS_LATER = Instant.parse("2030-06-30T00:00:00Z");

    long position;

    RetentionView fold(Object... events) {
        RetentionView view = RetentionView.initial(USER);
        for (Object e : events) {
            view = view.evolve(new RecordedEvent(++position, ENDED, (dev.kycevents.event.KycEvent) e));
        }
        return view;
    }

    RelationshipEnded ended(Instant at) {
        return new RelationshipEnded(UUID.randomUUID(), USER, at, at);
    }

    LegalHoldPlaced hold() {
        return new LegalHoldPlaced(UUID.randomUUID(), USER, ENDED, "inquiry");
    }

    LegalHoldReleased release() {
        return new LegalHoldReleased(UUID.randomUUID(), USER, ENDED, null);
    }

    @Test
    void the_period_runs_from_the_end_of_the_relationship() {
        RetentionStatus status = new RetentionStatus(fold(ended(ENDED)), 10, ENDED.minusSeconds(60));
        assertEquals(FIVE_YEARS_LATER, status.erasableFrom(FIVE_YEARS));
        assertFalse(status.erasable(FIVE_YEARS_LATER.minusSeconds(1), FIVE_YEARS), "a second early");
        assertTrue(status.erasable(FIVE_YEARS_LATER, FIVE_YEARS));
    }

    @Test
    void without_an_end_nothing_is_ever_erasable() {
        RetentionStatus status = new RetentionStatus(fold(), 10, ENDED);
        assertFalse(status.clockRunning());
        assertNull(status.erasableFrom(FIVE_YEARS));
        assertFalse(status.erasable(Instant.MAX, FIVE_YEARS));
    }

    @Test
    void a_hold_stops_the_erasure_and_its_release_allows_it_again() {
        assertFalse(new RetentionStatus(fold(ended(ENDED), hold()), 10, null).erasable(Instant.MAX, FIVE_YEARS));
        assertTrue(new RetentionStatus(fold(ended(ENDED), hold(), release()), 10, null)
                .erasable(Instant.MAX, FIVE_YEARS));
    }

    @Test
    void an_event_that_happened_after_the_end_stops_the_clock_and_a_new_end_restarts_it() {
        Instant back = ENDED.plusSeconds(3600);
        RetentionStatus cameBack = new RetentionStatus(fold(ended(ENDED)), 10, back);
        assertFalse(cameBack.clockRunning());
        assertFalse(cameBack.erasable(Instant.MAX, FIVE_YEARS));

        Instant again = back.plusSeconds(60);
        RetentionStatus endedAgain = new RetentionStatus(fold(ended(ENDED), ended(again)), 12, back);
        assertTrue(endedAgain.clockRunning());
        assertEquals(FIVE_YEARS.after(again), endedAgain.erasableFrom(FIVE_YEARS));
    }

    @Test
    void an_erased_user_with_nothing_since_is_gone_and_not_erased_again() {
        RetentionView erased = fold(ended(ENDED),
                new UserErased(UUID.randomUUID(), USER, FIVE_YEARS_LATER, "retention-period", "P5Y", ENDED, 9, 10));
        RetentionStatus status = new RetentionStatus(erased, 10, null);
        assertTrue(status.gone());
        assertFalse(status.erasable(Instant.MAX, FIVE_YEARS));

        RetentionStatus cameBack = new RetentionStatus(erased, 11, FIVE_YEARS_LATER.plusSeconds(1));
        assertFalse(cameBack.gone(), "a new event after the erasure is a fresh start");
    }

    @Test
    void periods_and_durations_are_read_and_anything_else_is_refused_naming_the_setting() {
        assertEquals(Instant.parse("2025-06-30T00:00:02Z"), RetentionPeriod.parse("PT2S").after(ENDED));
        assertEquals(Instant.parse("2029-02-28T00:00:00Z"),
                RetentionPeriod.parse("P5Y").after(Instant.parse("2024-02-29T00:00:00Z")), "calendar years, in UTC");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> RetentionPeriod.parse("5 years"));
        assertTrue(e.getMessage().contains("KYC_RETENTION_PERIOD"));
    }
}
