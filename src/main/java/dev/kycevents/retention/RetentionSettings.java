package dev.kycevents.retention;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The retention settings, checked once at start (see the README's configuration table). */
@ApplicationScoped
public class RetentionSettings {

    private final RetentionPeriod period;
    private final Duration sweepInterval;
    private final int batchUsers;
    private final Duration batchPause;

    /** About 100,000 events in one transaction, whose last step every append waits for: more only hurts. */
    static final int MAX_BATCH_USERS = 10_000;

    public RetentionSettings(@ConfigProperty(name = "kyc.retention.period", defaultValue = "P5Y") String period,
                             @ConfigProperty(name = "kyc.retention.sweep-interval", defaultValue = "PT1H")
                             Duration sweepInterval,
                             @ConfigProperty(name = "kyc.retention.sweep-batch-users", defaultValue = "200")
                             int batchUsers,
                             @ConfigProperty(name = "kyc.retention.sweep-batch-pause", defaultValue = "0")
                             Duration batchPause) {
        this.period = RetentionPeriod.parse(period);
        if (sweepInterval.isNegative()) {
            throw new IllegalArgumentException("KYC_RETENTION_SWEEP_INTERVAL must not be negative (0 turns it off)");
        }
        if (batchUsers < 1 || batchUsers > MAX_BATCH_USERS) {
            throw new IllegalArgumentException("KYC_RETENTION_SWEEP_BATCH_USERS must be between 1 and "
                    + MAX_BATCH_USERS);
        }
        if (batchPause.isNegative()) {
            throw new IllegalArgumentException("KYC_RETENTION_SWEEP_BATCH_PAUSE must not be negative");
        }
        this.sweepInterval = sweepInterval;
        this.batchUsers = batchUsers;
        this.batchPause = batchPause;
    }

    public RetentionPeriod period() {
        return period;
    }

    /** Zero: no scheduled sweep (the endpoint still sweeps on demand). */
    public Duration sweepInterval() {
        return sweepInterval;
    }

    /** Users erased per transaction: small, so that appends never wait long for the log-head lock. */
    public int batchUsers() {
        return batchUsers;
    }

    /** A pause after each batch, which leaves the CPU to appends for that long (zero: none). */
    public Duration batchPause() {
        return batchPause;
    }
}
