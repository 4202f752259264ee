package dev.kycevents.audit;

import dev.kycevents.event.EventParser;
import dev.kycevents.event.RecordedEvent;
import dev.kycevents.store.ErasedRows;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** A user's whole history, every type of event, as the folds take it. */
@ApplicationScoped
public class UserEventHistory {

    // events_by_user (user_id, position) serves this in order.
    // Erased bodies and retention events are not part of the KYC history the folds explain.
    private static final String HISTORY = """
            SELECT position, recorded_at, payload::text AS payload
            FROM events WHERE user_id = $1 AND %s ORDER BY position""".formatted(ErasedRows.FOLDABLE);

    private final Pool pool;

    public UserEventHistory(Pool pool) {
        this.pool = pool;
    }

    /** In position order; empty for a user the log does not know. */
    public Uni<List<RecordedEvent>> of(UUID userId) {
        return pool.preparedQuery(HISTORY).execute(Tuple.of(userId)).map(rows -> {
            List<RecordedEvent> events = new ArrayList<>(rows.size());
            for (Row row : rows) {
                events.add(new RecordedEvent(row.getLong("position"),
                        row.getOffsetDateTime("recorded_at").toInstant(),
                        EventParser.decodeStored(row.getString("payload")).event()));
            }
            return events;
        });
    }
}
