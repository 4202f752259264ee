package dev.kycevents.retention;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The retention settings are checked once, at start: a wrong one stops the service with the variable's name. */
class RetentionSettingsTest {

    @Test
    void a_pause_between_batches_is_off_by_zero_and_kept_otherwise() {
        assertTrue(new RetentionSettings("P5Y", Duration.ofHours(1), 200, Duration.ZERO).batchPause().isZero());
        assertEquals(Duration.ofMillis(10),
                new RetentionSettings("P5Y", Duration.ofHours(1), 200, Duration.ofMillis(10)).batchPause());
    }

    @Test
    void a_negative_pause_an_empty_batch_or_a_negative_interval_is_refused_by_name() {
        IllegalArgumentException pause = assertThrows(IllegalArgumentException.class,
                () -> new RetentionSettings("P5Y", Duration.ofHours(1), 200, Duration.ofMillis(-1)));
        assertTrue(pause.getMessage().contains("KYC_RETENTION_SWEEP_BATCH_PAUSE"));
        IllegalArgumentException batch = assertThrows(IllegalArgumentException.class,
                () -> new RetentionSettings("P5Y", Duration.ofHours(1), 0, Duration.ZERO));
        assertTrue(batch.getMessage().contains("KYC_RETENTION_SWEEP_BATCH_USERS"));
        IllegalArgumentException huge = assertThrows(IllegalArgumentException.class,
                () -> new RetentionSettings("P5Y", Duration.ofHours(1), RetentionSettings.MAX_BATCH_USERS + 1,
                        Duration.ZERO));
        assertTrue(huge.getMessage().contains("between 1 and 10000"), huge.getMessage());
        IllegalArgumentException interval = assertThrows(IllegalArgumentException.class,
                () -> new RetentionSettings("P5Y", Duration.ofHours(-1), 200, Duration.ZERO));
        assertTrue(interval.getMessage().contains("KYC_RETENTION_SWEEP_INTERVAL"));
    }
}
