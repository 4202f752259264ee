package dev.kycevents.audit;

import dev.kycevents.http.ApiDocument;
import dev.kycevents.http.OpenApiExamples;
import dev.kycevents.projection.rebuild.ProjectionRebuild;
import dev.kycevents.projection.rebuild.RebuildReport;
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

/** Rebuilds the read models from the events, for operators. */
@Path("/admin/projections/rebuild")
@Tag(name = "Admin", description = "Operations on the read models")
@RolesAllowed(Access.KYC_ADMIN)
public class RebuildResource {

    private final ProjectionRebuild rebuild;

    public RebuildResource(ProjectionRebuild rebuild) {
        this.rebuild = rebuild;
    }

    @POST
    @Operation(operationId = "rebuildProjections", summary = "Rebuild every read model from the events",
            description = "Group kyc-admin. Replays the whole log into fresh tables while queries and webhooks go on, "
                    + "then swaps them in atomically (appends wait only for the final catch-up and swap). Reports "
                    + "how many live rows differed from the rebuilt ones: drift, which the rebuild repairs.")
    @APIResponse(responseCode = "200", description = "Rebuilt and swapped in", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RebuildReport.class),
            examples = @ExampleObject(name = "one tampered session", value = OpenApiExamples.REBUILD_REPORT)))
    @APIResponse(responseCode = "401", ref = ApiDocument.UNAUTHORIZED)
    @APIResponse(responseCode = "403", ref = ApiDocument.FORBIDDEN)
    @APIResponse(responseCode = "409", ref = ApiDocument.REBUILD_RUNNING)
    @APIResponse(responseCode = "503", ref = ApiDocument.UNAVAILABLE)
    @Produces(MediaType.APPLICATION_JSON)
    public Uni<RebuildReport> rebuild() {
        return rebuild.rebuild();
    }
}
