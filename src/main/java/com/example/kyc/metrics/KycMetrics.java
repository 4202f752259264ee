package com.example.kyc.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/** The service's own meters, named once (Prometheus names in the README's operations section). */
@ApplicationScoped
public class KycMetrics {

    private final MeterRegistry registry;
    private final Timer appendLatency;
    private final DistributionSummary batchSize;
    private final AtomicLong eventsInStore = new AtomicLong();

    public KycMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.appendLatency = Timer.builder("kyc.append.latency")
                .description("Time from an event entering the append queue to its batch's commit")
                .publishPercentiles(0.5, 0.99).register(registry);
        this.batchSize = DistributionSummary.builder("kyc.append.batch.size")
                .description("Events written per transaction (group commit)").register(registry);
        registry.gauge("kyc.events.stored", eventsInStore);
    }

    /**
     * One webhook's outcome: stored, duplicate, conflict, or rejected (with the reason, e.g.
     * signature, invalid-event, content-type). Unknown event types share one tag value so a
     * sender cannot grow the number of series.
     */
    public void webhook(String type, String outcome, String reason) {
        Counter.builder("kyc.webhooks").description("Webhooks received, by type and outcome")
                .tag("type", type).tag("outcome", outcome).tag("reason", reason)
                .register(registry).increment();
    }

    public void appended(Duration latency) {
        appendLatency.record(latency);
    }

    public void batch(int size, long lastPosition) {
        batchSize.record(size);
        eventsInStore.accumulateAndGet(lastPosition, Math::max);
    }

    public void anomalies(int count) {
        if (count > 0) {
            Counter.builder("kyc.projection.anomalies")
                    .description("Events that contradicted a terminal session state")
                    .register(registry).increment(count);
        }
    }
}
