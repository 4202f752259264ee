package dev.kycevents.projection.level;

import dev.kycevents.event.KycEvent;
import dev.kycevents.event.KycLevel;
import dev.kycevents.event.RecordedEvent;

import java.util.List;

import static dev.kycevents.projection.Events.USER;
import static dev.kycevents.projection.Events.logged;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** given(events) then(view): the events arrive in the order listed and are folded into USER's level. */
final class LevelSpec {

    private final LevelView view;

    private LevelSpec(LevelView view) {
        this.view = view;
    }

    static LevelSpec given(KycEvent... events) {
        return given(logged(events));
    }

    static LevelSpec given(List<RecordedEvent> log) {
        return new LevelSpec(LevelFold.fold(USER, log));
    }

    LevelView view() {
        return view;
    }

    LevelSpec thenLevel(KycLevel expected) {
        assertEquals(expected, view.level(), "level");
        return this;
    }

    LevelSpec thenAccountCreationAllowed(boolean expected) {
        assertEquals(expected, view.accountCreationAllowed(), "accountCreationAllowed");
        return this;
    }

    LevelSpec thenDecidedBy(RecordedEvent expected) {
        assertEquals(expected.event().occurredAt(), view.levelAt(), "levelAt");
        assertEquals(expected.position(), view.levelPosition(), "levelPosition");
        return this;
    }

    LevelSpec thenVersion(long expected) {
        assertEquals(expected, view.version(), "version");
        return this;
    }
}
