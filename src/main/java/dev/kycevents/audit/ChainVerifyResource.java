package dev.kycevents.audit;

import dev.kycevents.http.ApiDocument;
import dev.kycevents.http.OpenApiExamples;
import dev.kycevents.security.Access;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Proves, for compliance, that no stored event was changed or removed. */
@Path("/audit/verify")
@Tag(name = "Audit")
@RolesAllowed(Access.COMPLIANCE)
public class ChainVerifyResource {

    private final LogVerification walker;

    public ChainVerifyResource(LogVerification walker) {
        this.walker = walker;
    }

    @GET
    @Operation(operationId = "verifyHashChain", summary = "Walk the hash chain and report the first break",
            description = "Group compliance. Recomputes every hash in position order (see the README, \"For "
                    + "auditors\"), checks each link, that positions have no gaps and that each payload is the JSON "
                    + "of its raw body. A range starts from the stored hash of the row before from. Without to, the "
                    + "walk goes to the end of the log and also checks that event_log_head names the last row, so rows "
                    + "cut from the end are found. A broken chain is still a 200: valid is false and "
                    + "firstBrokenPosition, problem and detail say where and how. Keep lastHash: a later walk that "
                    + "no longer reaches it shows the log was truncated or rewritten.")
    @APIResponse(responseCode = "200", description = "What the walk found", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ChainReport.class),
            examples = {@ExampleObject(name = "intact", value = OpenApiExamples.CHAIN_VALID),
                        @ExampleObject(name = "a row removed", value = OpenApiExamples.CHAIN_BROKEN)}))
    @APIResponse(responseCode = "400", ref = ApiDocument.INVALID_PARAMETER)
    @APIResponse(responseCode = "401", ref = ApiDocument.UNAUTHORIZED)
    @APIResponse(responseCode = "403", ref = ApiDocument.FORBIDDEN)
    @Produces(MediaType.APPLICATION_JSON)
    public Uni<Response> verify(
            @Parameter(description = "First position to check, inclusive (default 1)", schema = @Schema(type = SchemaType.INTEGER, format = "int64", minimum = "1"))
            @QueryParam("from") String from,
            @Parameter(description = "Last position to check, inclusive (default: the end of the log)", schema = @Schema(type = SchemaType.INTEGER, format = "int64", minimum = "1"))
            @QueryParam("to") String to) {
        return Uni.createFrom().item(() -> ChainRange.parse(from, to))
                .flatMap(walker::verify)
                .map(report -> Response.ok(report).build());
    }
}
