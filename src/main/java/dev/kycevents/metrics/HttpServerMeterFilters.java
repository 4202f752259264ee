package dev.kycevents.metrics;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.distribution.DistributionStatisticConfig;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.Arrays;

/** How Quarkus' own HTTP server meter is published: no personal data in tags, latencies as histograms. */
@Singleton
public class HttpServerMeterFilters {

    static final String HTTP_SERVER_REQUESTS = "http.server.requests";
    /** Distinct uri values kept at most; past it new ones are dropped, so junk paths cannot grow memory. */
    static final int MAX_URIS = 100;

    @Produces
    @Singleton
    MeterFilter uriWithoutPersonalData() {
        return MeterFilter.replaceTagValues("uri", UriTag::publishable);
    }

    @Produces
    @Singleton
    MeterFilter boundedUris() {
        return MeterFilter.maximumAllowableTags(HTTP_SERVER_REQUESTS, "uri", MAX_URIS, MeterFilter.deny());
    }

    @Produces
    @Singleton
    MeterFilter latencyHistogram() {
        double[] bucketsInNanos = Arrays.stream(LatencyBuckets.BOUNDS).mapToDouble(Duration::toNanos).toArray();
        return new MeterFilter() {
            @Override
            public DistributionStatisticConfig configure(Meter.Id id, DistributionStatisticConfig config) {
                if (!id.getName().equals(HTTP_SERVER_REQUESTS)) {
                    return config;
                }
                return DistributionStatisticConfig.builder().serviceLevelObjectives(bucketsInNanos).build()
                        .merge(config);
            }
        };
    }
}
