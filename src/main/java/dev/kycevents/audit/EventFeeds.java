package dev.kycevents.audit;

import dev.kycevents.store.EventReader;
import dev.kycevents.store.HashChain;
import dev.kycevents.store.StoredBody;
import dev.kycevents.store.StoredEvent;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** The event feeds compliance pages through (the whole log, one user's events) and each event's raw body. */
@ApplicationScoped
public class EventFeeds {

    private final EventReader events;

    public EventFeeds(EventReader events) {
        this.events = events;
    }

    public Uni<EventPage> page(PageRequest request) {
        return events.page(request.after(), request.limit()).map(page -> page(page, request));
    }

    public Uni<EventPage> userPage(UUID userId, PageRequest request) {
        return events.userPage(userId, request.after(), request.limit()).map(page -> page(page, request));
    }

    /** The bytes as received (null bytes once erased), or null for an unknown event. */
    public Uni<StoredBody> raw(UUID eventId) {
        return events.body(eventId);
    }

    private static EventPage page(List<StoredEvent> stored, PageRequest request) {
        List<FeedEvent> page = new ArrayList<>(stored.size());
        for (StoredEvent e : stored) {
            page.add(new FeedEvent(e.position, e.eventId, e.eventType, e.userId, e.sessionId, e.occurredAt,
                    e.recordedAt, e.source, e.payload, HashChain.hex(e.hash), HashChain.hex(e.prevHash), e.erased()));
        }
        return new EventPage(page, page.isEmpty() ? request.after() : page.get(page.size() - 1).position());
    }
}
