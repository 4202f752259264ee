package dev.kycevents.security;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Tokens whose signature and claims were already verified, keyed by the whole token string
 * (signature included, so only the identical token matches). An entry is reused until the token's
 * {@code exp} plus the clock skew, the instant verification itself would start refusing it, and
 * never longer than {@code maxAgeMillis}. A withdrawn signing key is not this class's concern: its
 * owner empties the cache when the key set loses a key. Pure: time is passed in.
 */
public final class VerifiedTokens {

    private record Entry(JsonWebToken token, long validUntilMillis) {
    }

    private static final long PURGE_INTERVAL_MILLIS = 1000;

    private final Map<String, Entry> entries = new ConcurrentHashMap<>();
    private final AtomicLong generation = new AtomicLong();
    private final AtomicLong nextPurgeMillis = new AtomicLong();
    private final int maxEntries;
    private final long maxAgeMillis;
    private final long skewMillis;

    public VerifiedTokens(int maxEntries, long maxAgeMillis, long skewMillis) {
        this.maxEntries = maxEntries;
        this.maxAgeMillis = maxAgeMillis;
        this.skewMillis = skewMillis;
    }

    /** The verified token, or null when it was never verified here or is past its reuse time. */
    public JsonWebToken get(String token, long nowMillis) {
        Entry entry = entries.get(token);
        if (entry == null) {
            return null;
        }
        if (nowMillis >= entry.validUntilMillis()) {
            entries.remove(token, entry);
            return null;
        }
        return entry.token();
    }

    /** Read before verifying a token, and passed to {@link #put}: a {@link #clear} in between wins. */
    public long generation() {
        return generation.get();
    }

    public void put(String token, JsonWebToken verified, long nowMillis, long verifiedInGeneration) {
        long validUntil = Math.min(verified.getExpirationTime() * 1000 + skewMillis, nowMillis + maxAgeMillis);
        if (validUntil <= nowMillis) {
            return;
        }
        if (entries.size() >= maxEntries) {
            // A scan of the whole cache at most once a second: full of live tokens, every new one would scan.
            long due = nextPurgeMillis.get();
            if (nowMillis >= due && nextPurgeMillis.compareAndSet(due, nowMillis + PURGE_INTERVAL_MILLIS)) {
                entries.values().removeIf(e -> nowMillis >= e.validUntilMillis());
            }
            if (entries.size() >= maxEntries) {
                return; // full of live tokens: verify this one every time rather than grow
            }
        }
        entries.put(token, new Entry(verified, validUntil));
        if (generation.get() != verifiedInGeneration) {
            entries.remove(token); // a key was withdrawn while this token was being verified
        }
    }

    /** Forgets every token, e.g. when a key they may have been verified with is withdrawn. */
    public void clear() {
        generation.incrementAndGet();
        entries.clear();
    }

    int size() {
        return entries.size();
    }
}
