package dev.kycevents.event;

/** Ralio's KYC level of a user; the codes are Ralio's (REGULAR is 1, LIGHT is 2). */
public enum KycLevel {
    REGULAR(1),
    LIGHT(2);

    private final int code;

    KycLevel(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }
}
