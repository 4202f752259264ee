package dev.kycevents.security;

/**
 * When a token names a key id the service does not know, the key set is fetched again at once, but
 * at most once per {@code minimumGapMillis}: tokens with made-up key ids cannot make the service
 * hammer the identity provider. Pure: time is passed in; callers synchronise.
 */
final class RefreshGate {

    private final long minimumGapMillis;
    private long lastFetchMillis = Long.MIN_VALUE;

    RefreshGate(long minimumGapMillis) {
        this.minimumGapMillis = minimumGapMillis;
    }

    /** Records a fetch started now (scheduled or not). */
    void fetched(long nowMillis) {
        lastFetchMillis = nowMillis;
    }

    /** Whether an unknown key id may start a fetch now; if so, it is recorded as started. */
    boolean tryUnknownKey(long nowMillis) {
        if (lastFetchMillis != Long.MIN_VALUE && nowMillis - lastFetchMillis < minimumGapMillis) {
            return false;
        }
        lastFetchMillis = nowMillis;
        return true;
    }
}
