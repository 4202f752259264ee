package dev.kycevents.event;

import java.util.List;

/** The wire names of event types: the only place they are spelled out. */
public final class EventTypes {

    public static final String SESSION_CREATED = "kyc_session_created";
    public static final String SESSION_VERIFIED = "kyc_session_verified";
    public static final String SESSION_MANUAL_REVIEW = "kyc_session_manual_review";
    public static final String SESSION_FAILED = "kyc_session_failed";
    public static final String SESSION_EXPIRED = "kyc_session_expired";
    public static final String STATE_UPDATED = "kyc_state_updated";
    public static final String RELATIONSHIP_ENDED = "kyc_relationship_ended";
    public static final String LEGAL_HOLD_PLACED = "kyc_legal_hold_placed";
    public static final String LEGAL_HOLD_RELEASED = "kyc_legal_hold_released";
    public static final String USER_ERASED = "kyc_user_erased";

    /** The types the session fold understands; all of them carry a session id. */
    public static final List<String> SESSION_TYPES = List.of(
            SESSION_CREATED, SESSION_VERIFIED, SESSION_MANUAL_REVIEW, SESSION_FAILED, SESSION_EXPIRED);

    /** This service's own types: recorded by it (source {@code api}), never accepted from Ralio. */
    public static final List<String> OWN_TYPES = List.of(
            SESSION_CREATED, RELATIONSHIP_ENDED, LEGAL_HOLD_PLACED, LEGAL_HOLD_RELEASED, USER_ERASED);

    /** Retention's own types: the record of the rules, not the user's KYC history or activity. */
    public static final List<String> RETENTION_TYPES = List.of(
            RELATIONSHIP_ENDED, LEGAL_HOLD_PLACED, LEGAL_HOLD_RELEASED, USER_ERASED);

    private EventTypes() {
    }
}
