package dev.kycevents.store;

import dev.kycevents.event.EventParser;
import dev.kycevents.event.RecordedEvent;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Basic;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
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
public class StoredEvent extends PanacheEntityBase {

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

    @Column(name = "hash_version")
    public short hashVersion;

    @Column(name = "body_digest")
    public byte[] bodyDigest;

    public boolean erased() {
        return payload == null;
    }

    /** The event as the folds take it; only for a row that still has its body. */
    public RecordedEvent recorded() {
        return new RecordedEvent(position, recordedAt, EventParser.decodeStored(payload).event());
    }
}
