package dev.kycevents.verification;

import dev.kycevents.event.OwnEvents;
import dev.kycevents.event.SessionCreated;
import dev.kycevents.http.LogSafe;
import dev.kycevents.ingest.AppendQueue;
import dev.kycevents.projection.session.SessionViewTable;
import dev.kycevents.store.AppendOutcome.Conflict;
import dev.kycevents.store.NewEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ServiceUnavailableException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Starts a user's verification: their open session if they have one, else a new one from Ralio,
 * recorded as {@code kyc_session_created}. Only the holder of the user's claim calls Ralio; other
 * requests for the user wait for it and then answer with the session it recorded.
 */
@ApplicationScoped
public class VerificationStarter {

    private static final Logger LOG = Logger.getLogger(VerificationStarter.class);

    /** Ralio's documented window, used when its answer gives no expiry. */
    static final Duration SESSION_LIFETIME = Duration.ofDays(7);

    // A waiting request looks again this often: soon after the holder is done, yet a few queries a second.
    private static final long POLL_MILLIS = 100;

    private final Pool pool;
    private final SessionViewTable sessions;
    private final VerificationClaims claims;
    private final RalioSessions ralio;
    private final AppendQueue appendQueue;
    private final Clock clock;
    private final Vertx vertx;

    public VerificationStarter(Pool pool, SessionViewTable sessions, VerificationClaims claims, RalioSessions ralio,
                               AppendQueue appendQueue, Clock clock, Vertx vertx) {
        this.pool = pool;
        this.sessions = sessions;
        this.claims = claims;
        this.ralio = ralio;
        this.appendQueue = appendQueue;
        this.clock = clock;
        this.vertx = vertx;
    }

    public Uni<StartedVerification> start(UUID userId) {
        // By then any claim seen now is stale and taken over, so only a stream of new holders makes us give up.
        long deadline = System.nanoTime() + claims.timeout().toNanos();
        return attempt(userId, deadline);
    }

    private Uni<StartedVerification> attempt(UUID userId, long deadline) {
        return reusable(userId).flatMap(open -> open.isPresent()
                ? Uni.createFrom().item(open.get())
                : claims.claim(userId).flatMap(claim -> claim.isPresent()
                        ? createHolding(userId, claim.get())
                        : waitForHolder(userId, deadline)));
    }

    private Uni<Optional<StartedVerification>> reusable(UUID userId) {
        return sessions.ofUser(pool, userId).map(found -> ReusableSession.among(found, clock.instant())
                .map(view -> new StartedVerification(false, VerificationResponse.of(view))));
    }

    private Uni<StartedVerification> createHolding(UUID userId, UUID claim) {
        // Look again under the claim: the previous holder may have committed its session since our first look.
        return reusable(userId)
                .flatMap(open -> open.isPresent() ? Uni.createFrom().item(open.get()) : create(userId))
                .eventually(() -> claims.release(userId, claim).onFailure().recoverWithItem(failure -> {
                    // The claim goes stale by itself; the answer must not fail for it.
                    LOG.warnf("verification user=%s claim release failed: %s", userId, LogSafe.failure(failure));
                    return null;
                }));
    }

    private Uni<StartedVerification> create(UUID userId) {
        return ralio.create(userId)
                .flatMap(session -> record(userId, session))
                .onFailure(RalioUnavailable.class).invoke(failure ->
                        LOG.warnf("verification user=%s outcome=ralio-unavailable reason=%s", userId,
                                failure.getMessage()));
    }

    private Uni<StartedVerification> record(UUID userId, RalioSession session) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS); // PostgreSQL keeps microseconds
        Instant expiresAt = session.expiresAt() != null ? session.expiresAt() : now.plus(SESSION_LIFETIME);
        SessionCreated created = new SessionCreated(UUID.randomUUID(), userId, session.id(), now,
                session.hostedUrl(), expiresAt);
        NewEvent event = NewEvent.recordedHere(created, OwnEvents.json(created));
        return appendQueue.offer(event).map(outcome -> {
            if (outcome instanceof Conflict) {
                // Ralio named a session this service holds for another user: its answer cannot be trusted.
                throw new RalioUnavailable("session id of another user");
            }
            LOG.infof("verification user=%s session=%s outcome=created", userId, created.session());
            return new StartedVerification(true, VerificationResponse.of(created));
        });
    }

    private Uni<StartedVerification> waitForHolder(UUID userId, long deadline) {
        if (System.nanoTime() - deadline > 0) {
            return Uni.createFrom().failure(new ServiceUnavailableException());
        }
        return Uni.createFrom().<Long>emitter(tick -> vertx.setTimer(POLL_MILLIS, tick::complete))
                .flatMap(ignored -> attempt(userId, deadline));
    }
}
