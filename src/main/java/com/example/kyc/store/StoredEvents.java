package com.example.kyc.store;

import com.example.kyc.event.EventParser;
import com.example.kyc.event.RecordedEvent;
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
