package dev.kycevents.metrics;

import java.time.Duration;

/**
 * The histogram buckets of every latency the service publishes: the same fixed bounds on every
 * instance, so Prometheus can add instances up and take quantiles of the sum (client-side
 * percentiles cannot be aggregated). From 5 ms, where a commit or a view query lands, to 10 s,
 * beyond which a sender has long given up.
 */
final class LatencyBuckets {

    static final Duration[] BOUNDS = {
            Duration.ofMillis(5), Duration.ofMillis(10), Duration.ofMillis(25), Duration.ofMillis(50),
            Duration.ofMillis(100), Duration.ofMillis(250), Duration.ofMillis(500), Duration.ofSeconds(1),
            Duration.ofMillis(2500), Duration.ofSeconds(5), Duration.ofSeconds(10)};

    private LatencyBuckets() {
    }
}
