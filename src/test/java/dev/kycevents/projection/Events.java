package dev.kycevents.projection;

import dev.kycevents.event.Check;
import dev.kycevents.event.KycEvent;
import dev.kycevents.event.KycLevel;
import dev.kycevents.event.KycStateUpdated;
import dev.kycevents.event.Reason;
import dev.kycevents.event.RecordedEvent;
import dev.kycevents.event.SessionCreated;
import dev.kycevents.event.SessionExpired;
import dev.kycevents.event.SessionFailed;
import dev.kycevents.event.SessionSentToReview;
import dev.kycevents.event.SessionVerified;
import dev.kycevents.event.Unrecognised;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/** Test events shaped like Ralio's fixtures, for one user with sessions s1 and s2. */
public final class Events {

    public static final UUID USER = UUID.fromString("7c9e6679-7425-40de-944b-e07fc1f90ae9");
    public static final UUID OTHER_USER = UUID.fromString("550e8400-e29b-41d4-a716-446655440001");
    public static final UUID s1 = UUID.fromString("7c9e6679-7425-40de-944b-e07fc1f90ae8");
    public static final UUID s2 = UUID.fromString("550e8400-e29b-41d4-a716-446655440002");

    public static final Instant T0 = Instant.parse("2025-06-19T17:00:00Z");
    public static final Instant t1 = T0.plusSeconds(60);
    public static final Instant t2 = T0.plusSeconds(120);
    public static final Instant t3 = T0.plusSeconds(180);
    public static final Instant t4 = T0.plusSeconds(240);

    public static final String HOSTED_URL = "https://verify.raliopay.com/session/abc123";

    /** From kyc_session_failed.json: the document was refused, the face matched. */
    public static final List<Check> FAILED_CHECKS = List.of(
            new Check("document-verification", "Refused",
                    List.of(new Reason("document", "DOCUMENT_EXPIRED", "The identity document has expired"))),
            new Check("face-matching", "Validated", List.of()));

    /** From kyc_session_manual_review.json: the document passed, the face match was inconclusive. */
    public static final List<Check> REVIEW_CHECKS = List.of(
            new Check("document-verification", "Validated", List.of()),
            new Check("face-matching", "Refused",
                    List.of(new Reason("face-match", "LOW_CONFIDENCE", "Face matching confidence below threshold"))));

    public static final List<Check> VERIFIED_CHECKS = List.of(
            new Check("document-verification", "Validated", List.of()),
            new Check("face-matching", "Validated", List.of()));

    // Sequential ids keep failures reproducible; only their uniqueness matters to the folds.
    private static final AtomicLong IDS = new AtomicLong();

    private Events() {
    }

    public static UUID nextId() {
        return new UUID(0xE7E7L, IDS.incrementAndGet());
    }

    public static SessionCreated created(UUID session, Instant at) {
        return new SessionCreated(nextId(), USER, session, at, HOSTED_URL, at.plus(Duration.ofDays(7)));
    }

    public static SessionVerified verified(UUID session, Instant at) {
        return new SessionVerified(nextId(), USER, session, at, VERIFIED_CHECKS);
    }

    public static SessionSentToReview review(UUID session, Instant at) {
        return review(session, at, REVIEW_CHECKS);
    }

    public static SessionSentToReview review(UUID session, Instant at, List<Check> checks) {
        return new SessionSentToReview(nextId(), USER, session, at, checks);
    }

    public static SessionFailed failed(UUID session, Instant at) {
        return new SessionFailed(nextId(), USER, session, at, FAILED_CHECKS);
    }

    public static SessionExpired expired(UUID session, Instant at) {
        return new SessionExpired(nextId(), USER, session, at, List.of());
    }

    public static KycStateUpdated levelUpdated(KycLevel level, Instant at) {
        return new KycStateUpdated(nextId(), USER, at, level);
    }

    public static Unrecognised unrecognised(UUID session, Instant at) {
        return new Unrecognised(nextId(), "kyc_session_started", USER, session, at);
    }

    /** Records the events as the log would: positions 1, 2, 3... in the order given, i.e. arrival order. */
    public static List<RecordedEvent> logged(KycEvent... events) {
        List<RecordedEvent> log = new ArrayList<>();
        for (KycEvent e : events) {
            log.add(new RecordedEvent(log.size() + 1, e.occurredAt(), e));
        }
        return log;
    }
}
