package dev.kycevents.query;

import dev.kycevents.store.ErasedRows;
import dev.kycevents.event.RecordedEvent;
import dev.kycevents.projection.UserViews;
import dev.kycevents.projection.session.SessionView;
import dev.kycevents.store.StoredEvents;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * A user's view as it was served at a past instant: folded from the events recorded by then. The
 * folds are pure functions of the set of events, so this is exactly what the read models held.
 */
@ApplicationScoped
public class PastViews {

    // recorded_at never decreases along position, so this is a prefix of the user's stream.
    private static final String HISTORY = "SELECT " + StoredEvents.COLUMNS
            + " FROM events WHERE user_id = $1 AND recorded_at <= $2 AND " + ErasedRows.FOLDABLE + " ORDER BY position";

    private final Pool pool;

    public PastViews(Pool pool) {
        this.pool = pool;
    }

    public Uni<UserKyc> asOf(UUID userId, Instant asOf) {
        return pool.preparedQuery(HISTORY).execute(Tuple.of(userId, OffsetDateTime.ofInstant(asOf, ZoneOffset.UTC)))
                .map(rows -> {
                    List<RecordedEvent> events = new ArrayList<>(rows.size());
                    for (Row row : rows) {
                        events.add(StoredEvents.recorded(row));
                    }
                    UserViews views = UserViews.fold(userId, events);
                    return new UserKyc(views.level(),
                            views.sessions().stream().sorted(SessionView.NEWEST_FIRST).toList());
                });
    }
}
