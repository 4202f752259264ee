package dev.kycevents.audit;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * What a walk over the hash chain found.
 *
 * @param checked             rows examined, the broken one included
 * @param firstBrokenPosition the first row that breaks the chain; null when it is intact
 * @param problem             how that row breaks it; null when intact
 * @param detail              the same for a person, e.g. "expected position 3, found 4"; null when intact
 * @param lastPosition        the last row that passed every check (the starting point if none did); after a
 *                            LINK_BROKEN either this row or the next was replaced; after a HEAD_MISMATCH it is
 *                            the last row found, whatever the head says
 * @param lastHash            that row's hash in hex; null only when the row before a range is missing. Kept
 *                            elsewhere, it anchors the chain: a later walk that no longer finds it there means the
 *                            log was truncated or rewritten with fresh hashes
 */
public record ChainReport(boolean valid, long checked, @Schema(nullable = true) Long firstBrokenPosition,
                          @Schema(nullable = true) ChainProblem problem, @Schema(nullable = true) String detail, long lastPosition,
                          @Schema(nullable = true) String lastHash) {
}
