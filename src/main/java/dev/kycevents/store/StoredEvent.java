package dev.kycevents.store;

import dev.kycevents.event.EventParser;
import dev.kycevents.event.RecordedEvent;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Basic;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.Formula;
import org.hibernate.annotations.Immutable;

/**
 * One row of {@code events} as Hibernate reads it, for the audit reads. Read-only: the append path writes rows with
 * the reactive SQL client, in the transaction of its projections, and Flyway owns the schema.
 */
@Entity
@Immutable
@Table(name = "events")
// Named, so Hibernate compiles them when it starts instead of on an event loop at their first use.
@NamedQuery(name = StoredEvent.PAGE, query = "from StoredEvent where position > ?1 order by position")
@NamedQuery(name = StoredEvent.USER_PAGE,
        query = "from StoredEvent where userId = ?1 and position > ?2 order by position")
@NamedQuery(name = StoredEvent.BODY, query = "select new dev.kycevents.store.StoredBody(contentType, rawBody)"
        + " from StoredEvent where eventId = ?1")
// What the folds read: erased rows (payload and raw_body are cleared together) and retention events are left out.
@NamedQuery(name = StoredEvent.HISTORY, query = "from StoredEvent where userId = ?1 and rawBody is not null"
        + " and eventType not in ?2 order by position")
@NamedQuery(name = StoredEvent.HISTORY_RECORDED_BY, query = "from StoredEvent where userId = ?1"
        + " and rawBody is not null and eventType not in ?2 and recordedAt <= ?3 order by position")
public class StoredEvent extends PanacheEntityBase {

    static final String PAGE = "StoredEvent.page";
    static final String USER_PAGE = "StoredEvent.userPage";
    static final String BODY = "StoredEvent.body";
    static final String HISTORY = "StoredEvent.history";
    static final String HISTORY_RECORDED_BY = "StoredEvent.historyRecordedBy";

    @Id
    public long position;

    @Column(name = "event_id")
    public UUID eventId;

    @Column(name = "event_type")
    public String eventType;

    @Column(name = "user_id")
    public UUID userId;

    @Column(name = "session_id")
    public UUID sessionId;

    @Column(name = "occurred_at")
    public Instant occurredAt;

    @Column(name = "recorded_at")
    public Instant recordedAt;

    public String source;

    @Column(name = "content_type")
    public String contentType;

    // jsonb as PostgreSQL prints it; null once erased.
    @Formula("cast(payload as text)")
    public String payload;

    // Up to 1 MiB each: read only when asked for, never with a page of the feed.
    @Basic(fetch = FetchType.LAZY)
    @Column(name = "raw_body")
    public byte[] rawBody;

    public byte[] hash;

    @Column(name = "prev_hash")
    public byte[] prevHash;

    public boolean erased() {
        return payload == null;
    }

    /** The event as the folds take it; only for a row that still has its body. */
    public RecordedEvent recorded() {
        return new RecordedEvent(position, recordedAt, EventParser.decodeStored(payload).event());
    }
}
