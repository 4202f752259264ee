package dev.kycevents.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import dev.kycevents.event.KycEvent;
import dev.kycevents.event.KycLevel;
import dev.kycevents.event.KycStateUpdated;
import dev.kycevents.event.SessionVerified;
import dev.kycevents.store.AppendOutcome.Conflict;
import dev.kycevents.store.AppendOutcome.Duplicate;
import dev.kycevents.store.AppendOutcome.Kind;
import dev.kycevents.store.AppendOutcome.Stored;
import dev.kycevents.store.AppendPlan.Existing;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class AppendPlanTest {

    static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");
    static final LogHead EMPTY_LOG = new LogHead(0, HashChain.GENESIS, NOW);

    static NewEvent offered(KycEvent event, String payload) {
        return new NewEvent(event, payload, payload.getBytes(StandardCharsets.UTF_8), "application/json",
                EventSource.RALIO_WEBHOOK);
    }

    static NewEvent verified(UUID id, UUID user, UUID session) {
        return offered(new SessionVerified(id, user, session, NOW, List.of()), "{\"id\":\"" + id + "\"}");
    }

    @Test
    void new_events_get_consecutive_positions_each_chained_to_the_one_before() {
        UUID user = UUID.randomUUID();
        AppendPlan plan = AppendPlan.decide(List.of(verified(UUID.randomUUID(), user, UUID.randomUUID()),
                offered(new KycStateUpdated(UUID.randomUUID(), user, NOW, KycLevel.REGULAR), "{}")),
                new LogHead(41, new byte[32], NOW), Map.of(), Map.of());

        assertEquals(List.of(42L, 43L), plan.rows().stream().map(EventRow::position).toList());
        assertArrayEquals(new byte[32], plan.rows().get(0).prevHash());
        assertArrayEquals(plan.rows().get(0).hash(), plan.rows().get(1).prevHash());
        assertArrayEquals(HashChain.hashOf(plan.rows().get(1)), plan.rows().get(1).hash());
        assertEquals(43, plan.head().lastPosition());
        assertArrayEquals(plan.rows().get(1).hash(), plan.head().lastHash());
        assertEquals(List.of(42L, 43L), plan.recorded().stream().map(r -> r.position()).toList());
    }

    @Test
    void an_id_already_stored_with_the_same_content_is_a_duplicate() {
        AppendPlan plan = AppendPlan.decide(List.of(verified(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID())),
                EMPTY_LOG, Map.of(0, new Existing(9, true)), Map.of());

        assertEquals(new Duplicate(9), plan.outcomes().get(0));
        assertEquals(List.of(), plan.rows());
        assertEquals(EMPTY_LOG.lastPosition(), plan.head().lastPosition());
    }

    @Test
    void an_id_already_stored_with_other_content_conflicts() {
        AppendPlan plan = AppendPlan.decide(List.of(verified(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID())),
                EMPTY_LOG, Map.of(0, new Existing(9, false)), Map.of());

        assertEquals(Kind.EVENT_ID_REUSED, ((Conflict) plan.outcomes().get(0)).kind());
        assertEquals(List.of(), plan.rows());
    }

    @Test
    void the_same_id_twice_in_one_batch_is_stored_once() {
        NewEvent event = verified(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID());
        AppendPlan plan = AppendPlan.decide(List.of(event, event), EMPTY_LOG, Map.of(), Map.of());

        assertInstanceOf(Stored.class, plan.outcomes().get(0));
        assertEquals(new Duplicate(1), plan.outcomes().get(1));
        assertEquals(1, plan.rows().size());
    }

    @Test
    void the_same_id_with_other_content_in_one_batch_conflicts() {
        UUID id = UUID.randomUUID();
        UUID user = UUID.randomUUID();
        UUID session = UUID.randomUUID();
        NewEvent first = verified(id, user, session);
        NewEvent altered = offered(first.event(), "{\"id\":\"" + id + "\",\"x\":1}");
        AppendPlan plan = AppendPlan.decide(List.of(first, altered), EMPTY_LOG, Map.of(), Map.of());

        assertEquals(Kind.EVENT_ID_REUSED, ((Conflict) plan.outcomes().get(1)).kind());
    }

    @Test
    void a_session_stored_for_another_user_conflicts() {
        UUID session = UUID.randomUUID();
        AppendPlan plan = AppendPlan.decide(List.of(verified(UUID.randomUUID(), UUID.randomUUID(), session)),
                EMPTY_LOG, Map.of(), Map.of(session, UUID.randomUUID()));

        assertEquals(Kind.SESSION_OF_ANOTHER_USER, ((Conflict) plan.outcomes().get(0)).kind());
        assertEquals(List.of(), plan.rows());
    }

    @Test
    void a_session_claimed_earlier_in_the_same_batch_conflicts_for_another_user() {
        UUID session = UUID.randomUUID();
        AppendPlan plan = AppendPlan.decide(List.of(verified(UUID.randomUUID(), UUID.randomUUID(), session),
                verified(UUID.randomUUID(), UUID.randomUUID(), session)), EMPTY_LOG, Map.of(), Map.of());

        assertInstanceOf(Stored.class, plan.outcomes().get(0));
        assertEquals(Kind.SESSION_OF_ANOTHER_USER, ((Conflict) plan.outcomes().get(1)).kind());
    }

    @Test
    void the_session_owner_may_add_events_to_it() {
        UUID session = UUID.randomUUID();
        UUID user = UUID.randomUUID();
        AppendPlan plan = AppendPlan.decide(List.of(verified(UUID.randomUUID(), user, session)),
                EMPTY_LOG, Map.of(), Map.of(session, user));

        assertInstanceOf(Stored.class, plan.outcomes().get(0));
    }
}
