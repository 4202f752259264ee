package dev.kycevents.projection.session;

/** Where a verification session stands; the codes are Ralio's. */
public enum SessionState {
    NOT_STARTED(1),
    STARTED(2),
    VERIFIED(3),
    REVIEW(4),
    REJECTED(5),
    EXPIRED(6);

    private final int code;

    SessionState(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    /**
     * The user's part is still to do on the hosted page. Only these end without an event when the page
     * expires; the other states no longer depend on the page.
     */
    public boolean open() {
        return switch (this) {
            case NOT_STARTED, STARTED -> true;
            case VERIFIED, REVIEW, REJECTED, EXPIRED -> false;
        };
    }

    /** Ralio never moves a session out of these: a new session is needed instead. */
    public boolean terminal() {
        return switch (this) {
            case VERIFIED, REJECTED, EXPIRED -> true;
            case NOT_STARTED, STARTED, REVIEW -> false;
        };
    }
}
