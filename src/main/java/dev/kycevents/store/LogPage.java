package dev.kycevents.store;

import java.util.List;

/**
 * A page of whole rows of the log, read in one statement with the log head of that statement's snapshot: a page
 * with no entry is the end of the log, and there the head names the last row.
 */
public record LogPage(List<Entry> entries, long headPosition, byte[] headHash) {

    /**
     * @param erasureRecorded for an erased row: whether a later {@code kyc_user_erased} event of the same user covers
     *                        its position, as the erasure path always leaves one
     */
    public record Entry(EventRow row, boolean erasureRecorded) {
    }

    public boolean isEmpty() {
        return entries.isEmpty();
    }
}
