package dev.kycevents.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.kycevents.event.KycLevel;
import dev.kycevents.event.KycStateUpdated;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The stored source texts are part of every event's hash: they never change. */
class EventSourceTest {

    static final Instant NOW = Instant.parse("2026-01-01T00:00:00.123456Z");

    @Test
    void each_source_is_stored_as_the_text_the_chain_was_hashed_with() {
        assertEquals("ralio-webhook", EventSource.RALIO_WEBHOOK.text());
        assertEquals("api", EventSource.API.text());
        assertEquals(List.of(EventSource.RALIO_WEBHOOK, EventSource.API), Arrays.asList(EventSource.values()));
    }

    @Test
    void rows_store_the_text_of_their_source_and_the_time_the_head_was_locked() {
        UUID user = UUID.randomUUID();
        NewEvent ours = NewEvent.recordedHere(new KycStateUpdated(UUID.randomUUID(), user, NOW, KycLevel.LIGHT), "{}");
        NewEvent ralios = AppendPlanTest.verified(UUID.randomUUID(), user, UUID.randomUUID());
        AppendPlan plan = AppendPlan.decide(List.of(ours, ralios), new LogHead(0, HashChain.GENESIS, NOW),
                Map.of(), Map.of());
        assertEquals(List.of("api", "ralio-webhook"), plan.rows().stream().map(EventRow::source).toList());
        assertEquals(List.of(NOW, NOW), plan.rows().stream().map(EventRow::recordedAt).toList());
        assertEquals(NOW, plan.head().recordedAt());
    }
}
