package dev.kycevents.projection.level;

import dev.kycevents.event.KycLevel;

import java.time.Instant;
import java.util.UUID;

/**
 * A user's KYC level as Ralio last decided it.
 *
 * @param levelAt       when the deciding {@code kyc_state_updated} happened; null while the level is the default
 * @param levelPosition that event's position in the log; 0 while the level is the default
 * @param version       how many distinct events of the user were folded, of any type
 */
public record LevelView(UUID userId, KycLevel level, Instant levelAt, long levelPosition, long version) {

    /** Only Ralio's level unlocks an account: a verified session alone never does. */
    public boolean accountCreationAllowed() {
        return switch (level) {
            case REGULAR -> true;
            case LIGHT -> false;
        };
    }

    /**
     * The level rule: the latest update wins, ties going to the later position. Being a maximum, it gives
     * the same answer whatever order the updates arrive in, so the live projector can apply them one by one.
     */
    public LevelView decide(KycLevel update, Instant at, long position) {
        boolean later = levelAt == null || at.isAfter(levelAt) || (at.equals(levelAt) && position > levelPosition);
        return later ? new LevelView(userId, update, at, position, version) : this;
    }

    LevelView counted() {
        return new LevelView(userId, level, levelAt, levelPosition, version + 1);
    }
}
