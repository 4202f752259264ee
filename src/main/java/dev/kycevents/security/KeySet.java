package dev.kycevents.security;

import java.util.List;
import java.util.Objects;

/** The keys trusted at one moment. Pure: which key verifies a token, from its header alone. */
public record KeySet(List<TrustedKey> keys) {

    public static final KeySet EMPTY = new KeySet(List.of());

    public KeySet {
        keys = List.copyOf(keys);
    }

    /**
     * The key named by the token's {@code kid}; or, when the set holds a single key without a kid
     * (a PEM file), that key. A key published for another algorithm than the token's is no match.
     */
    public TrustedKey find(String kid, String alg) {
        TrustedKey candidate = null;
        if (kid != null) {
            candidate = keys.stream().filter(k -> kid.equals(k.kid())).findFirst().orElse(null);
        }
        if (candidate == null && keys.size() == 1 && keys.get(0).kid() == null) {
            candidate = keys.get(0);
        }
        if (candidate == null || (candidate.alg() != null && !candidate.alg().equals(alg))) {
            return null;
        }
        return candidate;
    }

    /** Whether a key of this set is missing from {@code next}: tokens verified with it must be checked again. */
    public boolean losesKeysIn(KeySet next) {
        return keys.stream().anyMatch(k -> next.keys.stream().noneMatch(n -> sameKey(k, n)));
    }

    private static boolean sameKey(TrustedKey a, TrustedKey b) {
        return Objects.equals(a.kid(), b.kid()) && Objects.equals(a.alg(), b.alg()) && a.key().equals(b.key());
    }
}
