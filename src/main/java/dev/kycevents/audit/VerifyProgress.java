package dev.kycevents.audit;

import dev.kycevents.store.LogPage;

/**
 * How far one verification has got: the checker (which keeps only the last row's position and hash) and the last
 * position read. Lives for one request; its pages arrive one after another, never at once.
 */
final class VerifyProgress {

    private final HashLinkChecker checker;
    private final Long to;
    private long after;
    private boolean done;

    VerifyProgress(HashLinkChecker checker, ChainRange range) {
        this.checker = checker;
        this.to = range.to();
        this.after = range.anchor();
        this.done = checker.isBroken();
    }

    long after() {
        return after;
    }

    /** The last position to read: the range's end, or the end of the log. */
    long to() {
        return to == null ? Long.MAX_VALUE : to;
    }

    boolean done() {
        return done;
    }

    /** Rows to ask for next: never past {@code to}, so a range ends without reading on. */
    int nextLimit(int pageRows) {
        return to == null ? pageRows : (int) Math.min(pageRows, to - after);
    }

    /** Feeds one page to the checker. A page with no row is the end of the log, where the head must name the last row. */
    VerifyProgress take(LogPage page) {
        for (LogPage.Entry entry : page.entries()) {
            if (!checker.accept(entry.row(), entry.erasureRecorded())) {
                done = true;
                return this;
            }
            after = entry.row().position();
        }
        if (page.isEmpty()) {
            checker.acceptEnd(page.headPosition(), page.headHash());
            done = true;
        } else if (to != null && after >= to) {
            done = true;
        }
        return this;
    }

    ChainReport report() {
        return checker.report();
    }
}
