package com.example.kyc.security;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Tokens whose signature and claims were already verified, keyed by the whole token string
 * (signature included, so only the identical token matches). An entry is reused until the token
 * expires, and never longer than {@code maxAgeMillis}, which bounds how long a token keeps working
 * after its signing key is withdrawn. Pure: time is passed in.
 */
public final class VerifiedTokens {

    private record Entry(JsonWebToken token, long validUntilMillis) {
    }

    private final Map<String, Entry> entries = new ConcurrentHashMap<>();
    private final int maxEntries;
    private final long maxAgeMillis;

    public VerifiedTokens(int maxEntries, long maxAgeMillis) {
        this.maxEntries = maxEntries;
        this.maxAgeMillis = maxAgeMillis;
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

    public void put(String token, JsonWebToken verified, long nowMillis) {
        long validUntil = Math.min(verified.getExpirationTime() * 1000, nowMillis + maxAgeMillis);
        if (validUntil <= nowMillis) {
            return;
        }
        if (entries.size() >= maxEntries) {
            entries.values().removeIf(e -> nowMillis >= e.validUntilMillis());
            if (entries.size() >= maxEntries) {
                return; // full of live tokens: verify this one every time rather than grow
            }
        }
        entries.put(token, new Entry(verified, validUntil));
    }

    int size() {
        return entries.size();
    }
}
