package dev.kycevents.metrics;

import dev.kycevents.overload.Backlog;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The service's own meters, named once (Prometheus names in the README's operations section).
 * Every meter has a description (some Prometheus parsers refuse an empty HELP line), counters that
 * alerts watch exist from the start at 0, and latencies are histograms with fixed buckets
 * ({@link LatencyBuckets}) so that instances can be added up.
 */
// Created at start, so its meters are published (at 0) before the first request.
@Startup
@ApplicationScoped
public class KycMetrics {

    private final MeterRegistry registry;
    private final Timer appendLatency;
    private final Timer headLockWait;
    private final DistributionSummary batchSize;
    private final Counter anomalies;
    private final AtomicLong eventsInStore = new AtomicLong();

    public KycMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.appendLatency = Timer.builder("kyc.append.latency")
                .description("Time from an event entering the append queue to its batch's commit")
                .serviceLevelObjectives(LatencyBuckets.BOUNDS).register(registry);
        this.headLockWait = Timer.builder("kyc.log.head.wait")
                .description("Time an append batch or an erasure batch took to get the log-head lock, from asking"
                        + " (one round trip included)")
                .serviceLevelObjectives(LatencyBuckets.BOUNDS).register(registry);
        this.batchSize = DistributionSummary.builder("kyc.append.batch.size")
                .description("Events written per transaction (group commit)")
                .serviceLevelObjectives(1, 2, 4, 8, 16, 32, 64, 128, 256, 512).register(registry);
        this.anomalies = Counter.builder("kyc.projection.anomalies")
                .description("Events that contradicted a terminal session state").register(registry);
        Gauge.builder("kyc.events.stored", eventsInStore, AtomicLong::get)
                .description("The log's last position as this instance last saw it").register(registry);
    }

    /**
     * One webhook's outcome: stored, duplicate, conflict, overloaded, or rejected (with the reason,
     * e.g. signature, invalid-event, content-type). Unknown event types share one tag value so a
     * sender cannot grow the number of series.
     */
    public void webhook(String type, String outcome, String reason) {
        Counter.builder("kyc.webhooks").description("Webhooks received, by type and outcome")
                .tag("type", type).tag("outcome", outcome).tag("reason", reason)
                .register(registry).increment();
    }

    /** How full a bounded queue is, and how many requests it refused. */
    public void backlog(Backlog backlog) {
        Gauge.builder("kyc.backlog.waiting", backlog, Backlog::waiting)
                .description("Requests accepted and not yet answered, by queue (append, query)")
                .tag("backlog", backlog.name()).register(registry);
        Gauge.builder("kyc.backlog.capacity", backlog, Backlog::capacity)
                .description("Requests a queue accepts at once; more are answered 503 with Retry-After")
                .tag("backlog", backlog.name()).register(registry);
        FunctionCounter.builder("kyc.backlog.refused", backlog, Backlog::refused)
                .description("Requests answered 503 at once because their queue was full")
                .tag("backlog", backlog.name()).register(registry);
    }

    public void appended(Duration latency) {
        appendLatency.record(latency);
    }

    public void headLockWaited(Duration wait) {
        headLockWait.record(wait);
    }

    public void batch(int size, long lastPosition) {
        batchSize.record(size);
        eventsInStore.accumulateAndGet(lastPosition, Math::max);
    }

    public void anomalies(int count) {
        anomalies.increment(count);
    }
}
