package dev.kycevents.verification;

import io.quarkus.runtime.Startup;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The {@code verification_requests} table: a per-user claim that one request, on any instance, is
 * asking Ralio for a session. Each statement commits on its own, so no connection or transaction is
 * held while Ralio answers. The database's clock judges staleness, the one clock all instances share.
 */
@ApplicationScoped
@Startup // checks its timeout against Ralio's at start, not at the first request
public class VerificationClaims {

    private static final String CLAIM = """
            INSERT INTO verification_requests (user_id, claim_id, claimed_at) VALUES ($1, $2, clock_timestamp())
            ON CONFLICT (user_id) DO UPDATE SET claim_id = excluded.claim_id, claimed_at = excluded.claimed_at
            WHERE verification_requests.claimed_at < clock_timestamp() - make_interval(secs => $3)
            RETURNING claim_id""";

    // Only the holder's own claim: after a takeover, a late holder must not free its successor's.
    private static final String RELEASE = "DELETE FROM verification_requests WHERE user_id = $1 AND claim_id = $2";

    private final Pool pool;
    private final Duration timeout;

    public VerificationClaims(Pool pool,
                              @ConfigProperty(name = "kyc.verification.claim-timeout", defaultValue = "PT30S")
                              Duration timeout, RalioApiConfig ralio) {
        // A claim that went stale while its holder still waits for Ralio would let a second request call too.
        if (timeout.toMillis() <= ralio.connectTimeout() + ralio.readTimeout()) {
            throw new IllegalStateException("kyc.verification.claim-timeout must be longer than "
                    + "ralio.api.connect-timeout + ralio.api.read-timeout");
        }
        this.pool = pool;
        this.timeout = timeout;
    }

    /** How long a claim protects its holder; also how long another request waits for it. */
    public Duration timeout() {
        return timeout;
    }

    /** The new claim's id, or empty while another live claim holds the user. */
    public Uni<Optional<UUID>> claim(UUID userId) {
        UUID claimId = UUID.randomUUID();
        double staleAfterSeconds = timeout.toMillis() / 1000.0;
        return pool.preparedQuery(CLAIM).execute(Tuple.of(userId, claimId, staleAfterSeconds))
                .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(claimId));
    }

    public Uni<Void> release(UUID userId, UUID claimId) {
        return pool.preparedQuery(RELEASE).execute(Tuple.of(userId, claimId)).replaceWithVoid();
    }
}
