package dev.kycevents.security;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class RefreshGateTest {

    @Test
    void unknown_key_ids_start_at_most_one_fetch_per_gap() {
        RefreshGate gate = new RefreshGate(10_000);
        assertTrue(gate.tryUnknownKey(1_000));
        assertFalse(gate.tryUnknownKey(1_001));
        assertFalse(gate.tryUnknownKey(10_999));
        assertTrue(gate.tryUnknownKey(11_000));
    }

    @Test
    void a_scheduled_fetch_counts_too() {
        RefreshGate gate = new RefreshGate(10_000);
        gate.fetched(5_000);
        assertFalse(gate.tryUnknownKey(6_000));
        assertTrue(gate.tryUnknownKey(15_000));
    }
}
