package dev.kycevents.event;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** An event about one verification session. */
public sealed interface SessionEvent extends KycEvent
        permits SessionCreated, SessionVerified, SessionSentToReview, SessionFailed, SessionExpired {

    UUID session();

    /** The checks Ralio reported with this event; empty when it sent none. */
    List<Check> checks();

    @Override
    default Optional<UUID> sessionId() {
        return Optional.of(session());
    }
}
