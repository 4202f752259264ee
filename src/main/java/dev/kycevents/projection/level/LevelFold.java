package dev.kycevents.projection.level;

import dev.kycevents.event.KycEvent;
import dev.kycevents.event.KycLevel;
import dev.kycevents.event.KycStateUpdated;
import dev.kycevents.event.RecordedEvent;
import dev.kycevents.event.RetentionEvent;
import dev.kycevents.projection.History;

import java.util.Collection;
import java.util.UUID;

/**
 * Folds a user's events into their level. {@code evolve} commutes (a count and a maximum), so applying
 * events one at a time in arrival order gives the same view as a full fold; the caller applies each
 * event id once, as the store's unique event ids ensure.
 */
public final class LevelFold {

    private LevelFold() {
    }

    /** Ralio starts every user at LIGHT. */
    public static LevelView initial(UUID userId) {
        return new LevelView(userId, KycLevel.LIGHT, null, 0, 0);
    }

    public static LevelView evolve(LevelView v, RecordedEvent r) {
        KycEvent e = r.event();
        if (!v.userId().equals(e.userId())) return v; // another user's stream
        if (e instanceof RetentionEvent) return v;  // retention is not the user's KYC: not even a version
        LevelView counted = v.counted();
        if (e instanceof KycStateUpdated x) return counted.decide(x.level(), x.occurredAt(), r.position());
        return counted; // session events, Unrecognised: they count towards the version, never the level
    }

    public static LevelView fold(UUID userId, Collection<RecordedEvent> events) {
        LevelView view = initial(userId);
        for (RecordedEvent r : History.distinct(events)) {
            view = evolve(view, r);
        }
        return view;
    }
}
