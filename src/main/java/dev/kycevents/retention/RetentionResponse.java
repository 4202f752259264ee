package dev.kycevents.retention;

import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A user's retention status, for compliance.
 *
 * @param relationshipEndedAt the latest end of the business relationship (null if none was recorded)
 * @param clockRunning        the retention clock runs: no event of the user happened after that end
 * @param erasableFrom        when the period will have passed (null while the clock does not run)
 * @param legalHold           under legal hold: never erased while it lasts
 * @param erasedAt            when the user's events were last erased (null if never)
 * @param retentionPeriod     the period applied (ISO-8601)
 */
public record RetentionResponse(UUID userId, @Schema(nullable = true) Instant relationshipEndedAt, boolean clockRunning,
                                @Schema(nullable = true) Instant erasableFrom, boolean legalHold,
                                @Schema(nullable = true) Instant erasedAt, String retentionPeriod) {

    static RetentionResponse of(RetentionStatus status, RetentionPeriod period) {
        RetentionView v = status.view();
        return new RetentionResponse(v.userId(), v.relationshipEndedAt(), status.clockRunning(),
                status.erasableFrom(period), v.legalHold(), v.erasedAt(), period.text());
    }
}
