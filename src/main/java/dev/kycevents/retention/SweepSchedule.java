package dev.kycevents.retention;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vertx.mutiny.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

/**
 * Sweeps every {@code kyc.retention.sweep-interval}. Every instance keeps the timer; the sweep's advisory lock lets
 * one of them work at a time, and the others skip that round.
 */
@ApplicationScoped
public class SweepSchedule {

    private static final Logger LOG = Logger.getLogger(SweepSchedule.class);

    private final RetentionSweep sweep;
    private final RetentionSettings settings;
    private final Vertx vertx;
    private long timer = -1;

    public SweepSchedule(RetentionSweep sweep, RetentionSettings settings, Vertx vertx) {
        this.sweep = sweep;
        this.settings = settings;
        this.vertx = vertx;
    }

    void start(@Observes StartupEvent event) {
        long every = settings.sweepInterval().toMillis();
        if (every > 0) {
            timer = vertx.setPeriodic(every, id -> run());
        }
    }

    void stop(@Observes ShutdownEvent event) {
        if (timer >= 0) {
            vertx.cancelTimer(timer);
        }
    }

    // Counts only: never a user id or anything else about a person.
    private void run() {
        sweep.sweep().subscribe().with(
                report -> LOG.infof("retention sweep: %d users, %d events erased, %d skipped (period %s)",
                        report.usersErased(), report.eventsErased(), report.usersSkipped(), report.period()),
                failure -> {
                    if (failure instanceof SweepRunningException) {
                        LOG.debug("retention sweep skipped: another instance is sweeping");
                    } else {
                        LOG.warnf("retention sweep failed: %s", failure.getClass().getSimpleName());
                    }
                });
    }
}
