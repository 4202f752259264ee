package com.example.kyc.event;

import java.util.List;

/** The wire names of event types: the only place they are spelled out. */
public final class EventTypes {

    public static final String SESSION_CREATED = "kyc_session_created";
    public static final String SESSION_VERIFIED = "kyc_session_verified";
    public static final String SESSION_MANUAL_REVIEW = "kyc_session_manual_review";
    public static final String SESSION_FAILED = "kyc_session_failed";
    public static final String SESSION_EXPIRED = "kyc_session_expired";
    public static final String STATE_UPDATED = "kyc_state_updated";

    /** The types the session fold understands; all of them carry a session id. */
    public static final List<String> SESSION_TYPES = List.of(
            SESSION_CREATED, SESSION_VERIFIED, SESSION_MANUAL_REVIEW, SESSION_FAILED, SESSION_EXPIRED);

    private EventTypes() {
    }
}
