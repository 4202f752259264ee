package dev.kycevents.projection.session;

import dev.kycevents.event.Check;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One reason a check was refused, named by the check, so the user can be told what to fix. */
public record RefusalReason(String checkType, @Schema(nullable = true) String code, @Schema(nullable = true) String message) {

    /** The reasons of the refused checks, in Ralio's order; validated checks say nothing worth showing. */
    public static List<RefusalReason> of(List<Check> checks) {
        return checks.stream()
                .filter(Check::refused)
                .flatMap(c -> c.reasons().stream().map(r -> new RefusalReason(c.type(), r.code(), r.message())))
                .toList();
    }
}
