package dev.kycevents.retention;

import dev.kycevents.event.LegalHoldPlaced;
import dev.kycevents.event.LegalHoldReleased;
import dev.kycevents.event.RecordedEvent;
import dev.kycevents.event.RelationshipEnded;
import dev.kycevents.event.RetentionEvent;
import dev.kycevents.event.UserErased;
import java.time.Instant;
import java.util.UUID;

/**
 * A user's retention events, folded in position order: the latest end of the relationship (a new end restarts
 * the clock), whether a legal hold is in place, and the last erasure.
 *
 * @param erasedThrough the last position erased (0 before any erasure)
 */
public record RetentionView(UUID userId, Instant relationshipEndedAt, boolean legalHold, Instant erasedAt,
                            long erasedThrough) {

    public static RetentionView initial(UUID userId) {
        return new RetentionView(userId, null, false, null, 0);
    }

    /** Events come in position order; only retention events change the view. */
    public RetentionView evolve(RecordedEvent recorded) {
        return recorded.event() instanceof RetentionEvent e ? evolve(e) : this;
    }

    /** The fold reads no position: an event may be folded before the append assigns its own. */
    public RetentionView evolve(RetentionEvent e) {
        if (!e.userId().equals(userId)) return this;
        if (e instanceof RelationshipEnded x) return new RetentionView(userId, x.endedAt(), legalHold, erasedAt, erasedThrough);
        if (e instanceof LegalHoldPlaced)     return new RetentionView(userId, relationshipEndedAt, true, erasedAt, erasedThrough);
        if (e instanceof LegalHoldReleased)   return new RetentionView(userId, relationshipEndedAt, false, erasedAt, erasedThrough);
        if (e instanceof UserErased x)        return new RetentionView(userId, relationshipEndedAt, legalHold, x.occurredAt(),
                Math.max(erasedThrough, x.throughPosition()));
        return this;
    }
}
