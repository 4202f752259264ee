package dev.kycevents.projection;

import dev.kycevents.event.KycEvent;
import dev.kycevents.event.KycLevel;
import dev.kycevents.event.KycStateUpdated;
import dev.kycevents.event.RecordedEvent;
import dev.kycevents.event.SessionCreated;
import dev.kycevents.event.SessionExpired;
import dev.kycevents.event.SessionFailed;
import dev.kycevents.event.SessionSentToReview;
import dev.kycevents.event.SessionVerified;
import dev.kycevents.event.Unrecognised;
import dev.kycevents.projection.level.LevelFold;
import dev.kycevents.projection.level.LevelView;
import dev.kycevents.projection.session.SessionFold;
import dev.kycevents.projection.session.SessionView;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

import static dev.kycevents.projection.Events.OTHER_USER;
import static dev.kycevents.projection.Events.T0;
import static dev.kycevents.projection.Events.USER;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * For random histories, every arrival order with any redeliveries gives the same views. Times are drawn
 * from a few minutes so that ties on occurredAt are common, and positions are unrelated to time, so
 * late older events are common too. Fixed seeds keep failures reproducible.
 */
class FoldPropertiesTest {

    static final int HISTORIES = 300;
    static final int ARRIVAL_ORDERS = 5;

    record Generated(List<UUID> sessions, List<RecordedEvent> log) {
    }

    @Test
    void any_arrival_order_with_duplicates_gives_the_same_session_views() {
        for (int seed = 1; seed <= HISTORIES; seed++) {
            Random random = new Random(seed);
            Generated history = history(random);
            for (int order = 0; order < ARRIVAL_ORDERS; order++) {
                List<RecordedEvent> arrivals = arrivals(history.log(), random);
                for (UUID session : history.sessions()) {
                    assertEquals(SessionFold.fold(session, USER, history.log()), SessionFold.fold(session, USER, arrivals),
                            "seed " + seed + ", order " + order);
                }
            }
        }
    }

    @Test
    void any_arrival_order_with_duplicates_gives_the_same_level_view_live_or_rebuilt() {
        for (int seed = 1; seed <= HISTORIES; seed++) {
            Random random = new Random(seed);
            Generated history = history(random);
            LevelView rebuilt = LevelFold.fold(USER, history.log());
            for (int order = 0; order < ARRIVAL_ORDERS; order++) {
                List<RecordedEvent> arrivals = arrivals(history.log(), random);
                assertEquals(rebuilt, live(arrivals), "seed " + seed + ", order " + order);
                assertEquals(rebuilt, LevelFold.fold(USER, arrivals), "seed " + seed + ", order " + order);
            }
        }
    }

    @Test
    void the_level_is_that_of_the_latest_update_and_the_version_counts_the_users_events() {
        for (int seed = 1; seed <= HISTORIES; seed++) {
            List<RecordedEvent> log = history(new Random(seed)).log();
            List<RecordedEvent> mine = log.stream().filter(r -> r.event().userId().equals(USER)).toList();
            KycLevel latest = mine.stream()
                    .filter(r -> r.event() instanceof KycStateUpdated)
                    .max(History.IN_TIME_ORDER)
                    .map(r -> ((KycStateUpdated) r.event()).level())
                    .orElse(KycLevel.LIGHT);
            LevelView view = LevelFold.fold(USER, log);
            assertEquals(latest, view.level(), "seed " + seed);
            assertEquals(mine.size(), view.version(), "seed " + seed);
        }
    }

    @Test
    void a_session_never_leaves_its_first_terminal_state_in_time_order() {
        for (int seed = 1; seed <= HISTORIES; seed++) {
            Generated history = history(new Random(seed));
            for (UUID session : history.sessions()) {
                SessionView view = SessionFold.fold(session, USER, history.log());
                List<SessionView> steps = stepByStep(session, history.log());
                SessionView firstTerminal = steps.stream().filter(s -> s.state().terminal()).findFirst().orElse(null);
                if (firstTerminal != null) {
                    assertEquals(firstTerminal.state(), view.state(), "seed " + seed);
                }
            }
        }
    }

    /** The live projector: one event at a time, in arrival order, skipping ids it has already applied. */
    static LevelView live(List<RecordedEvent> arrivals) {
        Set<UUID> applied = new HashSet<>();
        LevelView view = LevelFold.initial(USER);
        for (RecordedEvent r : arrivals) {
            if (applied.add(r.event().eventId())) {
                view = LevelFold.evolve(view, r);
            }
        }
        return view;
    }

    static List<SessionView> stepByStep(UUID session, List<RecordedEvent> log) {
        List<SessionView> steps = new ArrayList<>();
        SessionView view = SessionFold.initial(session, USER);
        for (RecordedEvent r : History.inTimeOrder(log)) {
            view = SessionFold.evolve(view, r.event());
            steps.add(view);
        }
        return steps;
    }

    /** The log shuffled, with some events delivered again. */
    static List<RecordedEvent> arrivals(List<RecordedEvent> log, Random random) {
        List<RecordedEvent> arrivals = new ArrayList<>(log);
        int redeliveries = random.nextInt(log.size() + 1);
        for (int i = 0; i < redeliveries; i++) {
            arrivals.add(log.get(random.nextInt(log.size())));
        }
        Collections.shuffle(arrivals, random);
        return arrivals;
    }

    /** One to three sessions with random outcomes, level updates, unknown events, and a stranger's events. */
    static Generated history(Random random) {
        List<UUID> sessions = new ArrayList<>();
        List<KycEvent> events = new ArrayList<>();
        int sessionCount = 1 + random.nextInt(3);
        for (int i = 0; i < sessionCount; i++) {
            UUID session = uuid(random);
            sessions.add(session);
            if (random.nextInt(5) > 0) {
                events.add(new SessionCreated(uuid(random), USER, session, time(random), "https://h/" + i, time(random)));
            }
            int outcomes = random.nextInt(5);
            for (int j = 0; j < outcomes; j++) {
                events.add(outcome(random, session));
            }
        }
        int updates = random.nextInt(4);
        for (int i = 0; i < updates; i++) {
            KycLevel level = random.nextBoolean() ? KycLevel.REGULAR : KycLevel.LIGHT;
            events.add(new KycStateUpdated(uuid(random), random.nextInt(6) == 0 ? OTHER_USER : USER, time(random), level));
        }
        int unknown = random.nextInt(3);
        for (int i = 0; i < unknown; i++) {
            UUID session = random.nextBoolean() ? sessions.get(0) : null;
            events.add(new Unrecognised(uuid(random), "kyc_something_new", USER, session, time(random)));
        }
        // Positions follow a random commit order, unrelated to occurredAt.
        Collections.shuffle(events, random);
        List<RecordedEvent> log = new ArrayList<>();
        for (KycEvent e : events) {
            long position = log.size() + 1;
            log.add(new RecordedEvent(position, T0.plusSeconds(3600 + position), e));
        }
        return new Generated(sessions, log);
    }

    static KycEvent outcome(Random random, UUID session) {
        UUID id = uuid(random);
        Instant at = time(random);
        return switch (random.nextInt(4)) {
            case 0 -> new SessionVerified(id, USER, session, at, Events.VERIFIED_CHECKS);
            case 1 -> new SessionSentToReview(id, USER, session, at, Events.REVIEW_CHECKS);
            case 2 -> new SessionFailed(id, USER, session, at, Events.FAILED_CHECKS);
            default -> new SessionExpired(id, USER, session, at, List.of());
        };
    }

    static Instant time(Random random) {
        return T0.plusSeconds(60L * random.nextInt(6));
    }

    static UUID uuid(Random random) {
        return new UUID(random.nextLong(), random.nextLong());
    }
}
