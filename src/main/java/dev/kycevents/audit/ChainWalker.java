package dev.kycevents.audit;

import dev.kycevents.http.InvalidParameterException;
import dev.kycevents.store.ErasedRows;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.buffer.Buffer;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Verifies the hash chain stored in the database, for {@code GET /audit/verify}. The log is read in keyset pages
 * bounded in rows and in bytes, one page in memory at a time, so memory stays constant whatever the log's size.
 * Each page is one short statement: no connection or transaction is held across the walk, and appends go on.
 */
@ApplicationScoped
public class ChainWalker {

    /** How much of the log one page may hold. The first row of a page is always read, whatever its size. */
    record PageLimits(int rows, long bytes) {
    }

    // Bodies may be up to 1 MiB each, so rows alone do not bound a page. Bytes also bound the time a page holds the
    // event loop: hashing and parsing cost about 13 ms per MiB of bodies, so a page takes a few milliseconds.
    static final PageLimits PAGES = new PageLimits(1000, 256L << 10);

    private static final String ANCHOR = """
            SELECT (SELECT hash FROM events WHERE position = $1) AS anchor_hash, last_position
            FROM event_log_head""";

    // The head comes from the same statement, hence the same snapshot, as the rows: on the page that finds no more
    // rows, it must name the last one, however many appends committed during the walk. The running size is
    // computed over at most $2 rows; the first row is always kept.
    private static final String PAGE = """
            SELECT h.last_position AS head_position, h.last_hash AS head_hash, e.*
            FROM event_log_head h
            LEFT JOIN LATERAL (
                SELECT * FROM (
                    SELECT position, event_id, event_type, user_id, session_id, occurred_at, recorded_at, source,
                           content_type, payload::text AS payload, raw_body, hash, prev_hash, hash_version,
                           body_digest, %s,
                           sum(coalesce(octet_length(raw_body), 0)) OVER (ORDER BY position)
                               - coalesce(octet_length(raw_body), 0) AS before
                    FROM events WHERE position > $1 ORDER BY position LIMIT $2) page
                WHERE before < $3) e ON true
            ORDER BY e.position""".formatted(ErasedRows.RECORDED);

    private final Pool pool;

    public ChainWalker(Pool pool) {
        this.pool = pool;
    }

    public Uni<ChainReport> verify(ChainRange range) {
        return verify(range, PAGES);
    }

    Uni<ChainReport> verify(ChainRange range, PageLimits limits) {
        return start(range).map(verifier -> new ChainWalk(verifier, range))
                .flatMap(walk -> walk.done() ? Uni.createFrom().item(walk) : walk(walk, limits))
                .map(ChainWalk::report);
    }

    /** The verifier anchored on the hash of the row before the range (the genesis hash before position 1). */
    private Uni<ChainVerifier> start(ChainRange range) {
        if (range.anchor() == 0) {
            return Uni.createFrom().item(ChainVerifier.fromGenesis());
        }
        return pool.preparedQuery(ANCHOR).execute(Tuple.of(range.anchor())).map(rows -> {
            Row row = rows.iterator().next();
            Buffer hash = row.getBuffer("anchor_hash");
            if (hash != null) {
                return ChainVerifier.after(range.anchor(), hash.getBytes());
            }
            long end = row.getLong("last_position");
            if (range.anchor() > end) {
                throw new InvalidParameterException("from", "from is past the end of the log: the last position is " + end);
            }
            return ChainVerifier.anchorMissing(range.anchor());
        });
    }

    // One page at a time: the next statement is sent only once the previous page has been checked.
    private Uni<ChainWalk> walk(ChainWalk walk, PageLimits limits) {
        return Multi.createBy().repeating()
                .uni(() -> walk, w -> page(w, limits))
                .whilst(w -> !w.done())
                .onItem().ignoreAsUni()
                .replaceWith(walk);
    }

    private Uni<ChainWalk> page(ChainWalk walk, PageLimits limits) {
        return pool.preparedQuery(PAGE)
                .execute(Tuple.of(walk.after(), walk.nextLimit(limits.rows()), limits.bytes()))
                .map(walk::take);
    }
}
