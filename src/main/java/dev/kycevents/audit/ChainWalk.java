package dev.kycevents.audit;

import static dev.kycevents.store.SqlTimes.instant;

import dev.kycevents.store.EventRow;
import io.vertx.mutiny.core.buffer.Buffer;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;

/**
 * Where one walk over the chain has got to: the verifier (which keeps only the last row's position and hash) and
 * the last position read. Lives for one request; its pages arrive one after another, never at once.
 */
final class ChainWalk {

    private final ChainVerifier verifier;
    private final Long to;
    private long after;
    private boolean done;

    ChainWalk(ChainVerifier verifier, ChainRange range) {
        this.verifier = verifier;
        this.to = range.to();
        this.after = range.anchor();
        this.done = verifier.isBroken();
    }

    long after() {
        return after;
    }

    boolean done() {
        return done;
    }

    /** Rows to ask for next: never past {@code to}, so a range ends without reading on. */
    int nextLimit(int pageRows) {
        return to == null ? pageRows : (int) Math.min(pageRows, to - after);
    }

    /**
     * Feeds one page to the verifier. Every row of a page carries the head; a page with no event, only the head,
     * is the end of the log in that statement's snapshot, and there the head must name the last row.
     */
    ChainWalk take(RowSet<Row> page) {
        Row head = null;
        boolean rowsFound = false;
        for (Row row : page) {
            head = row;
            if (row.getLong("position") == null) {
                break;
            }
            rowsFound = true;
            if (!verifier.accept(eventRow(row), Boolean.TRUE.equals(row.getBoolean("erasure_recorded")))) {
                done = true;
                return this;
            }
            after = row.getLong("position");
        }
        if (!rowsFound) {
            verifier.acceptEnd(head.getLong("head_position"), head.getBuffer("head_hash").getBytes());
            done = true;
        } else if (to != null && after >= to) {
            done = true;
        }
        return this;
    }

    ChainReport report() {
        return verifier.report();
    }

    private static EventRow eventRow(Row row) {
        return new EventRow(row.getLong("position"), row.getUUID("event_id"), row.getString("event_type"),
                row.getUUID("user_id"), row.getUUID("session_id"), instant(row, "occurred_at"),
                instant(row, "recorded_at"), row.getString("source"), row.getString("content_type"),
                row.getString("payload"), bytes(row, "raw_body"), bytes(row, "hash"), bytes(row, "prev_hash"),
                row.getInteger("hash_version"), bytes(row, "body_digest"));
    }

    private static byte[] bytes(Row row, String column) {
        Buffer value = row.getBuffer(column);
        return value == null ? null : value.getBytes();
    }
}
