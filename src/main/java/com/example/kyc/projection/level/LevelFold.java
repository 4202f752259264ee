package com.example.kyc.projection.level;

import com.example.kyc.event.KycEvent;
import com.example.kyc.event.KycLevel;
import com.example.kyc.event.KycStateUpdated;
import com.example.kyc.event.RecordedEvent;
import com.example.kyc.event.RetentionEvent;
import com.example.kyc.projection.History;

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
