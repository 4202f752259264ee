package dev.kycevents.audit;

import dev.kycevents.http.InvalidParameterException;
import dev.kycevents.store.EventReader;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Verifies the hash chain stored in the database, for {@code GET /audit/verify}. The log is read in keyset pages
 * bounded in rows and in bytes, one page in memory at a time, so memory stays constant whatever the log's size.
 * Each page is one short statement: no connection or transaction is held across the walk, and appends go on.
 */
@ApplicationScoped
public class LogVerification {

    /** How much of the log one page may hold. The first row of a page is always read, whatever its size. */
    record PageLimits(int rows, long bytes) {
    }

    // Bodies may be up to 1 MiB each, so rows alone do not bound a page's memory. Each page is hashed and parsed on a
    // worker (about 13 ms per MiB of bodies), so a page is a few milliseconds of one worker's time.
    static final PageLimits PAGES = new PageLimits(1000, 256L << 10);

    private final EventReader events;

    public LogVerification(EventReader events) {
        this.events = events;
    }

    public Uni<ChainReport> verify(ChainRange range) {
        return verify(range, PAGES);
    }

    Uni<ChainReport> verify(ChainRange range, PageLimits limits) {
        return start(range).map(checker -> new VerifyProgress(checker, range))
                .flatMap(progress -> progress.done() ? Uni.createFrom().item(progress) : walk(progress, limits))
                .map(VerifyProgress::report);
    }

    /** The checker anchored on the hash of the row before the range (the genesis hash before position 1). */
    private Uni<HashLinkChecker> start(ChainRange range) {
        if (range.anchor() == 0) {
            return Uni.createFrom().item(HashLinkChecker.fromGenesis());
        }
        return events.anchor(range.anchor()).map(anchor -> {
            if (anchor.hash() != null) {
                return HashLinkChecker.after(range.anchor(), anchor.hash());
            }
            if (range.anchor() > anchor.lastPosition()) {
                throw new InvalidParameterException("from",
                        "from is past the end of the log: the last position is " + anchor.lastPosition());
            }
            return HashLinkChecker.anchorMissing(range.anchor());
        });
    }

    // One page at a time: the next statement is sent only once the previous page has been checked.
    private Uni<VerifyProgress> walk(VerifyProgress progress, PageLimits limits) {
        return Multi.createBy().repeating()
                .uni(() -> progress, p -> page(p, limits))
                .whilst(p -> !p.done())
                .onItem().ignoreAsUni()
                .replaceWith(progress);
    }

    private Uni<VerifyProgress> page(VerifyProgress progress, PageLimits limits) {
        // Hashing and parsing a page (up to its byte bound, or one 1 MiB body) is CPU work: off the event loop.
        return events.page(progress.after(), progress.to(), progress.nextLimit(limits.rows()), limits.bytes())
                .emitOn(Infrastructure.getDefaultWorkerPool())
                .map(progress::take);
    }
}
