package dev.kycevents.audit;

import dev.kycevents.event.RecordedEvent;
import dev.kycevents.projection.UserViews;
import dev.kycevents.retention.RetentionViewTable;
import dev.kycevents.store.EventReader;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * A user's history and views as they were served at a past instant, for compliance: folded from the events recorded
 * by then. The folds are pure functions of the set of events, so this is exactly what the read models held. Both
 * are null once the user's data was erased at the end of the retention period.
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

    public Uni<UserViews> asOf(UUID userId, Instant asOf) {
        return unlessGone(userId, () -> events.historyRecordedBy(userId, asOf)
                .map(history -> UserViews.fold(userId, history)));
    }

    /** Every foldable event of the user, in position order. */
    public Uni<List<RecordedEvent>> history(UUID userId) {
        return unlessGone(userId, () -> events.history(userId));
    }

    private <T> Uni<T> unlessGone(UUID userId, Supplier<Uni<T>> read) {
        return retention.status(pool, userId).flatMap(status -> status.gone() ? Uni.createFrom().nullItem() : read.get());
    }
}
