package dev.kycevents.store;

import dev.kycevents.event.KycEvent;
import dev.kycevents.event.RecordedEvent;
import dev.kycevents.store.AppendOutcome.Conflict;
import dev.kycevents.store.AppendOutcome.Duplicate;
import dev.kycevents.store.AppendOutcome.Kind;
import dev.kycevents.store.AppendOutcome.Stored;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Decides, for a batch of events offered under the log-head lock, which are stored (with their
 * positions and hashes), which are duplicates and which conflict. Pure: the store supplies what
 * the database already holds, this class decides.
 *
 * @param outcomes one per offered event, in the order offered
 * @param rows     the rows to insert, in position order
 * @param recorded the stored events as the folds see them, in position order
 * @param head     the log head after these rows
 */
public record AppendPlan(List<AppendOutcome> outcomes, List<EventRow> rows, List<RecordedEvent> recorded,
                         LogHead head) {

    /** What the database holds for an offered event id. */
    public record Existing(long position, boolean sameContent) {
    }

    /**
     * @param storedByIndex what is already stored under the id of {@code offered.get(i)}, keyed by i
     * @param sessionOwners the user each already-known session belongs to
     */
    public static AppendPlan decide(List<NewEvent> offered, LogHead head, Map<Integer, Existing> storedByIndex,
                                    Map<UUID, UUID> sessionOwners) {
        List<AppendOutcome> outcomes = new ArrayList<>(offered.size());
        List<EventRow> rows = new ArrayList<>();
        List<RecordedEvent> recorded = new ArrayList<>();
        Map<UUID, EventRow> batchById = new HashMap<>();
        Map<UUID, UUID> owners = new HashMap<>(sessionOwners);
        long position = head.lastPosition();
        byte[] prevHash = head.lastHash();

        for (int i = 0; i < offered.size(); i++) {
            NewEvent candidate = offered.get(i);
            KycEvent event = candidate.event();
            Existing stored = storedByIndex.get(i);
            EventRow sameBatch = batchById.get(event.eventId());
            UUID session = event.sessionId().orElse(null);
            UUID owner = session == null ? null : owners.get(session);

            if (stored != null) {
                outcomes.add(stored.sameContent() ? new Duplicate(stored.position()) : idReused(event));
            } else if (sameBatch != null) {
                outcomes.add(sameBatch.payloadJson().equals(candidate.payloadJson())
                        ? new Duplicate(sameBatch.position()) : idReused(event));
            } else if (owner != null && !owner.equals(event.userId())) {
                outcomes.add(new Conflict(Kind.SESSION_OF_ANOTHER_USER,
                        "session " + session + " belongs to another user"));
            } else {
                position++;
                EventRow row = row(candidate, position, head.recordedAt(), prevHash);
                prevHash = row.hash();
                rows.add(row);
                recorded.add(new RecordedEvent(position, row.recordedAt(), event));
                batchById.put(event.eventId(), row);
                if (session != null) {
                    owners.put(session, event.userId());
                }
                outcomes.add(new Stored(row));
            }
        }
        return new AppendPlan(outcomes, rows, recorded, new LogHead(position, prevHash, head.recordedAt()));
    }

    private static Conflict idReused(KycEvent event) {
        return new Conflict(Kind.EVENT_ID_REUSED,
                "event " + event.eventId() + " was already received with different content");
    }

    private static EventRow row(NewEvent candidate, long position, Instant recordedAt, byte[] prevHash) {
        KycEvent e = candidate.event();
        UUID session = e.sessionId().orElse(null);
        Instant occurredAt = HashChain.toMicros(e.occurredAt());
        Instant recorded = HashChain.toMicros(recordedAt);
        byte[] digest = HashChain.bodyDigest(candidate.rawBody());
        byte[] hash = HashChain.hashV2(prevHash, position, e.eventId(), e.type(), e.userId(), session, occurredAt,
                recorded, candidate.source().text(), candidate.contentType(), digest);
        return new EventRow(position, e.eventId(), e.type(), e.userId(), session, occurredAt, recorded,
                candidate.source().text(), candidate.contentType(), candidate.payloadJson(), candidate.rawBody(), hash,
                prevHash, EventRow.HASH_V2, digest);
    }
}
