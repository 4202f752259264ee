package dev.kycevents.ingest;

import dev.kycevents.metrics.KycMetrics;
import dev.kycevents.projection.Projector;
import dev.kycevents.retention.RetentionViewTable;
import dev.kycevents.store.AppendOutcome;
import dev.kycevents.store.AppendPlan;
import dev.kycevents.store.Appended;
import dev.kycevents.store.EventStore;
import dev.kycevents.store.NewEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** One transaction per batch: append the events, then fold them into the read models, then commit. */
@ApplicationScoped
public class EventAppender {

    private final Pool pool;
    private final EventStore store;
    private final Projector projector;
    private final RetentionViewTable retention;
    private final KycMetrics metrics;

    public EventAppender(Pool pool, EventStore store, Projector projector, RetentionViewTable retention,
                         KycMetrics metrics) {
        this.retention = retention;
        this.pool = pool;
        this.store = store;
        this.projector = projector;
        this.metrics = metrics;
    }

    /** Completes only after commit; fails (and nothing is kept) if any statement or the commit fails. */
    public Uni<List<AppendOutcome>> append(List<NewEvent> batch) {
        return pool.withTransaction(connection -> store.append(connection, batch)
                .call(appended -> projector.project(connection, appended.plan().recorded(),
                        appended.priorSessionEvents()))
                .call(appended -> retention.project(connection, appended.plan().recorded()))
                .map(Appended::plan)
                .invoke(plan -> metrics.batch(batch.size(), plan.head().lastPosition()))
                .map(AppendPlan::outcomes));
    }
}
