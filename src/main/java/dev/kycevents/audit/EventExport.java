package dev.kycevents.audit;

import dev.kycevents.store.EventReader;
import dev.kycevents.store.EventRow;
import dev.kycevents.store.HashChain;
import dev.kycevents.store.LogPage;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
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

    private final EventReader events;
    private final ObjectMapper json;
    private final Counter pages;

    public EventExport(EventReader events, ObjectMapper json, MeterRegistry registry) {
        this.events = events;
        this.json = json;
        this.pages = Counter.builder("kyc.audit.export.pages")
                .description("Pages of events read from the database for /audit/export").register(registry);
    }

    /** Fixes the range: without {@code to}, the end of the log now, so the export is a consistent prefix. */
    public Uni<ExportRange> range(ExportRange.Requested requested) {
        if (requested.to() != null) {
            return Uni.createFrom().item(new ExportRange(requested.from(), requested.to()));
        }
        return events.lastPosition().map(last -> new ExportRange(requested.from(), last));
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
        return events.page(from - 1, to, PAGE_ROWS, PAGE_BYTES)
                .invoke(() -> pages.increment())
                // A thousand lines of JSON and base64 is CPU work: done on a worker, not the event loop.
                .emitOn(Infrastructure.getDefaultWorkerPool())
                .map(this::page);
    }

    private Page page(LogPage rows) {
        StringJoiner text = new StringJoiner("\n");
        long last = 0;
        for (LogPage.Entry entry : rows.entries()) {
            last = entry.row().position();
            text.add(line(entry.row()));
        }
        return new Page(text.toString(), rows.entries().size(), last);
    }

    private String line(EventRow row) {
        ExportLine line = new ExportLine(row.position(), row.eventId(), row.eventType(), row.userId(),
                row.sessionId(), row.occurredAt(), row.recordedAt(), row.source(), row.contentType(),
                row.payloadJson(), row.erased() ? null : Base64.getEncoder().encodeToString(row.rawBody()),
                HashChain.hex(row.hash()), HashChain.hex(row.prevHash()), row.hashVersion(),
                row.bodyDigest() == null ? null : HashChain.hex(row.bodyDigest()), row.erased());
        try {
            return json.writeValueAsString(line);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
