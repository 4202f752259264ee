package dev.kycevents.event;

/**
 * What decides how long a user's events are kept, and their erasure: this service's own events (source
 * {@code api}). The KYC folds ignore them; the retention fold reads them.
 */
public sealed interface RetentionEvent extends KycEvent
        permits RelationshipEnded, LegalHoldPlaced, LegalHoldReleased, UserErased {
}
