package dev.kycevents.retention;

import dev.kycevents.http.ApiDocument;
import dev.kycevents.security.Access;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Runs the retention sweep on demand, for operators. */
@Path("/admin/retention/sweep")
@Tag(name = "Admin")
@RolesAllowed(Access.KYC_ADMIN)
public class SweepResource {

    private final RetentionSweep sweep;

    public SweepResource(RetentionSweep sweep) {
        this.sweep = sweep;
    }

    @POST
    @Operation(operationId = "sweepRetention", summary = "Erase every user whose retention period has passed",
            description = "Group kyc-admin. Erases each user whose period has passed and who is not under legal hold, "
                    + "in small transactions while webhooks go on, and reports how many users and events it erased.")
    @APIResponse(responseCode = "200", description = "Swept", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SweepReport.class),
            examples = @ExampleObject(name = "report", value = RetentionExamples.SWEEP_REPORT)))
    @APIResponse(responseCode = "401", ref = ApiDocument.UNAUTHORIZED)
    @APIResponse(responseCode = "403", ref = ApiDocument.FORBIDDEN)
    @APIResponse(responseCode = "409", ref = ApiDocument.SWEEP_RUNNING)
    @Produces(MediaType.APPLICATION_JSON)
    public Uni<SweepReport> sweep() {
        return sweep.sweep();
    }
}
