package dev.kycevents.webhook;

/** Whether a delivery's signature holds, and if not, why (never the signature itself). */
public enum SignatureVerdict {
    VALID,
    MISSING_HEADERS,
    BAD_TIMESTAMP,
    TIMESTAMP_TOO_OLD,
    TIMESTAMP_IN_FUTURE,
    NO_MATCHING_SIGNATURE;

    public boolean valid() {
        return this == VALID;
    }

    public String reason() {
        return name().toLowerCase().replace('_', '-');
    }
}
