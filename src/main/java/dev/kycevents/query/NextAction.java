package dev.kycevents.query;

import dev.kycevents.event.KycLevel;
import dev.kycevents.projection.session.SessionView;

import java.time.Instant;

/** What the frontend should offer the user next. */
public enum NextAction {
    CREATE_ACCOUNT,
    START_VERIFICATION,
    COMPLETE_VERIFICATION,
    WAIT_FOR_REVIEW,
    WAIT_FOR_LEVEL_UPDATE,
    CREATE_NEW_SESSION;

    /** @param current the user's current session, or null if they have none */
    public static NextAction of(KycLevel level, SessionView current, Instant now) {
        return switch (level) {
            case REGULAR -> CREATE_ACCOUNT;
            case LIGHT -> current == null ? START_VERIFICATION : forSession(current, now);
        };
    }

    private static NextAction forSession(SessionView session, Instant now) {
        if (session.expiredWhileOpen(now)) {
            return CREATE_NEW_SESSION;
        }
        return switch (session.state()) {
            case NOT_STARTED, STARTED -> COMPLETE_VERIFICATION;
            case REVIEW -> WAIT_FOR_REVIEW;
            // Verified is not enough: only Ralio's kyc_state_updated to REGULAR unlocks the account.
            case VERIFIED -> WAIT_FOR_LEVEL_UPDATE;
            case REJECTED, EXPIRED -> CREATE_NEW_SESSION;
        };
    }
}
