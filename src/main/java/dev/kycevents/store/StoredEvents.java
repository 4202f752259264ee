package dev.kycevents.store;

import dev.kycevents.event.EventParser;
import dev.kycevents.event.RecordedEvent;
import io.vertx.mutiny.sqlclient.Row;

/** Reads events back from {@code events} rows for the folds. */
public final class StoredEvents {

    /** What {@link #recorded} needs from a row of {@code events}. */
    public static final String COLUMNS = "position, recorded_at, payload::text AS payload";

    private StoredEvents() {
    }

    public static RecordedEvent recorded(Row row) {
        return new RecordedEvent(row.getLong("position"), SqlTimes.instant(row, "recorded_at"),
                EventParser.decodeStored(row.getString("payload")).event());
    }
}
