package dev.kycevents.audit;

import dev.kycevents.store.SqlTimes;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.mutiny.core.buffer.Buffer;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.UncheckedIOException;
import java.util.Base64;
import java.util.StringJoiner;

/**
 * Streams events as NDJSON with memory bounded by one page, whatever the size of the log. Pages
 * are keyset queries by position (one short statement each: no connection or transaction is held
 * while a slow client reads), and the next page is fetched only when the client has taken the
 * previous one, because the HTTP layer asks for one item at a time and waits for each write.
 */
@ApplicationScoped
public class EventExport {

    static final int PAGE_ROWS = 1000;
    /** Bodies may be up to 1 MiB each: a page also stops once it holds this many bytes of them. */
    static final long PAGE_BYTES = 4L << 20;

    private static final String HEAD = "SELECT last_position FROM event_log_head";

    // The running size is computed over at most PAGE_ROWS rows; the first row is always kept.
    private static final String PAGE = """
            SELECT * FROM (
                SELECT position, event_id, event_type, user_id, session_id, occurred_at, recorded_at, source,
                       content_type, payload::text AS payload, raw_body, hash, prev_hash, hash_version, body_digest,
                       sum(coalesce(octet_length(raw_body), 0)) OVER (ORDER BY position)
                           - coalesce(octet_length(raw_body), 0) AS before
                FROM events WHERE position >= $1 AND position <= $2 ORDER BY position LIMIT $3) page
            WHERE before < $4 ORDER BY position""";

    private final Pool pool;
    private final ObjectMapper json;
    private final Counter pages;

    public EventExport(Pool pool, ObjectMapper json, MeterRegistry registry) {
        this.pool = pool;
        this.json = json;
        this.pages = Counter.builder("kyc.audit.export.pages")
                .description("Pages of events read from the database for /audit/export").register(registry);
    }

    /** Fixes the range: without {@code to}, the end of the log now, so the export is a consistent prefix. */
    public Uni<ExportRange> range(ExportRange.Requested requested) {
        if (requested.to() != null) {
            return Uni.createFrom().item(new ExportRange(requested.from(), requested.to()));
        }
        return pool.query(HEAD).execute()
                .map(rows -> new ExportRange(requested.from(), rows.iterator().next().getLong("last_position")));
    }

    /** One item per page: its lines joined by newlines (the HTTP layer ends each item with one). */
    public Multi<NdjsonChunk> pages(ExportRange range) {
        if (range.isEmpty()) {
            return Multi.createFrom().empty();
        }
        return Multi.createBy().repeating()
                .uni(() -> new long[] {range.from()}, next -> page(next[0], range.to())
                        .invoke(page -> next[0] = page.last() + 1))
                .whilst(page -> page.lines() > 0 && page.last() < range.to())
                .filter(page -> page.lines() > 0)
                .map(page -> new NdjsonChunk(page.text()));
    }

    private record Page(String text, int lines, long last) {
    }

    private Uni<Page> page(long from, long to) {
        return pool.preparedQuery(PAGE).execute(Tuple.of(from, to, PAGE_ROWS, PAGE_BYTES))
                .invoke(() -> pages.increment())
                // A thousand lines of JSON and base64 is CPU work: done on a worker, not the event loop.
                .emitOn(Infrastructure.getDefaultWorkerPool())
                .map(this::page);
    }

    private Page page(RowSet<Row> rows) {
        StringJoiner text = new StringJoiner("\n");
        long last = 0;
        for (Row row : rows) {
            last = row.getLong("position");
            text.add(line(row));
        }
        return new Page(text.toString(), rows.size(), last);
    }

    private String line(Row row) {
        Buffer raw = row.getBuffer("raw_body");
        ExportLine line = new ExportLine(row.getLong("position"), row.getUUID("event_id"),
                row.getString("event_type"), row.getUUID("user_id"), row.getUUID("session_id"),
                SqlTimes.instant(row, "occurred_at"), SqlTimes.instant(row, "recorded_at"), row.getString("source"),
                row.getString("content_type"), row.getString("payload"),
                raw == null ? null : Base64.getEncoder().encodeToString(raw.getBytes()),
                EventLog.hex(row, "hash"), EventLog.hex(row, "prev_hash"), row.getInteger("hash_version"),
                row.getBuffer("body_digest") == null ? null : EventLog.hex(row, "body_digest"), raw == null);
        try {
            return json.writeValueAsString(line);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
