package dev.kycevents.projection.explain;

import dev.kycevents.event.KycLevel;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Why the user has their level.
 *
 * @param basis     {@code "default"} (no kyc_state_updated yet) or {@code "latest kyc_state_updated"}
 * @param decidedBy the update that set the level; null for the default
 * @param ignored   the other updates, in log order, each with its reason
 */
public record LevelExplanation(KycLevel level, String basis, @Schema(nullable = true) ExplainedEvent decidedBy, List<ExplainedEvent> ignored) {

    public LevelExplanation {
        ignored = List.copyOf(ignored);
    }
}
