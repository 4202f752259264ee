package dev.kycevents.projection;

import dev.kycevents.event.RecordedEvent;

import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Turns whatever events a caller holds into the set the folds are a function of. */
public final class History {

    /** The order events are applied in: when they happened, then when they were logged. */
    public static final Comparator<RecordedEvent> IN_TIME_ORDER =
            Comparator.comparing((RecordedEvent r) -> r.event().occurredAt())
                    .thenComparingLong(RecordedEvent::position);

    private History() {
    }

    /** One copy per event id; if copies differ, the first logged wins, so the choice never depends on input order. */
    public static Collection<RecordedEvent> distinct(Collection<RecordedEvent> events) {
        Map<UUID, RecordedEvent> byId = new LinkedHashMap<>();
        for (RecordedEvent r : events) {
            byId.merge(r.event().eventId(), r, (kept, other) -> other.position() < kept.position() ? other : kept);
        }
        return byId.values();
    }

    /** The distinct events in the order they are applied. */
    public static List<RecordedEvent> inTimeOrder(Collection<RecordedEvent> events) {
        return distinct(events).stream().sorted(IN_TIME_ORDER).toList();
    }
}
