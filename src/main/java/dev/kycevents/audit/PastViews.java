package dev.kycevents.audit;

import dev.kycevents.projection.UserViews;
import dev.kycevents.retention.RetentionViewTable;
import dev.kycevents.store.EventReader;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.UUID;

/**
 * A user's views as they were served at a past instant, for compliance: folded from the events recorded by then.
 * The folds are pure functions of the set of events, so this is exactly what the read models held.
 */
@ApplicationScoped
public class PastViews {

    private final EventReader events;
    private final RetentionViewTable retention;
    private final Pool pool;

    public PastViews(EventReader events, RetentionViewTable retention, Pool pool) {
        this.events = events;
        this.retention = retention;
        this.pool = pool;
    }

    /** Null when the user's data was erased at the end of the retention period. */
    public Uni<UserViews> asOf(UUID userId, Instant asOf) {
        return retention.status(pool, userId).flatMap(status -> status.gone() ? Uni.createFrom().nullItem()
                : events.historyRecordedBy(userId, asOf).map(history -> UserViews.fold(userId, history)));
    }
}
