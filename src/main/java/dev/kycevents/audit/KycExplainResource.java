package dev.kycevents.audit;

import dev.kycevents.http.ApiDocument;
import dev.kycevents.http.OpenApiExamples;
import dev.kycevents.http.Problem;
import dev.kycevents.projection.explain.KycExplainer;
import dev.kycevents.projection.explain.KycExplanation;
import dev.kycevents.security.Access;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Why a user's view says what it says: which events decided it, which were ignored and why. */
@Path("/users/{uid}/kyc/explain")
@Tag(name = "Audit")
@RolesAllowed(Access.COMPLIANCE)
public class KycExplainResource {

    private final PastViews users;

    public KycExplainResource(PastViews users) {
        this.users = users;
    }

    @GET
    @Operation(operationId = "explainUserKyc", summary = "Explain a user's KYC level and sessions from their events",
            description = "Group compliance. Replays the user's events through the same folds as the live views: "
                    + "the update that set the level and those that lost (late arrivals, superseded), for each "
                    + "session the events applied and those ignored (e.g. a change after a terminal state), and events "
                    + "of unknown types. A user with no events gets the default: LIGHT, no sessions.")
    @APIResponse(responseCode = "200", description = "The explanation", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = KycExplanation.class),
            examples = @ExampleObject(name = "late level update, anomaly, unknown type",
                    value = OpenApiExamples.KYC_EXPLANATION)))
    @APIResponse(responseCode = "400", ref = ApiDocument.INVALID_PARAMETER)
    @APIResponse(responseCode = "401", ref = ApiDocument.UNAUTHORIZED)
    @APIResponse(responseCode = "403", ref = ApiDocument.FORBIDDEN)
    @APIResponse(responseCode = "410", ref = ApiDocument.GONE)
    @Produces(MediaType.APPLICATION_JSON)
    public Uni<Response> explain(@Parameter(schema = @Schema(type = SchemaType.STRING, format = "uuid"))
                                 @PathParam("uid") UUID uid) {
        return users.history(uid).map(history -> history == null
                ? Problem.gone("The user's data was erased at the end of the retention period.").toResponse()
                : Response.ok(KycExplainer.explain(uid, history)).build());
    }
}
