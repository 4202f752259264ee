package dev.kycevents.query;

import dev.kycevents.http.ApiDocument;
import dev.kycevents.http.OpenApiExamples;
import dev.kycevents.http.Problem;
import dev.kycevents.projection.session.SessionView;
import dev.kycevents.security.Caller;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
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

/** One verification session, for its user or the company's backend. */
@Path("/sessions/{sessionId}")
@Tag(name = "KYC view")
@Authenticated
public class SessionResource {

    private final KycQueries queries;
    private final Caller caller;

    public SessionResource(KycQueries queries, Caller caller) {
        this.queries = queries;
        this.caller = caller;
    }

    @GET
    @Operation(operationId = "getSession", summary = "One verification session",
            description = "Allowed to the session's user, to group kyc-service, and to group compliance (read-only).")
    @APIResponse(responseCode = "200", description = "The session", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SessionResponse.class),
            examples = @ExampleObject(name = "in review", value = OpenApiExamples.SESSION)))
    @APIResponse(responseCode = "400", ref = ApiDocument.INVALID_PARAMETER)
    @APIResponse(responseCode = "401", ref = ApiDocument.UNAUTHORIZED)
    @APIResponse(responseCode = "403", ref = ApiDocument.FORBIDDEN)
    @APIResponse(responseCode = "404", ref = ApiDocument.NOT_FOUND)
    @APIResponse(responseCode = "410", ref = ApiDocument.GONE)
    @Produces(MediaType.APPLICATION_JSON)
    public Uni<Response> session(@Parameter(schema = @Schema(type = SchemaType.STRING, format = "uuid"))
                                 @PathParam("sessionId") UUID sessionId) {
        return queries.session(sessionId).flatMap(view -> view != null ? Uni.createFrom().item(view(view))
                : queries.sessionErased(sessionId).map(erased -> erased
                        ? Problem.gone("The session's data was erased at the end of the retention period.").toResponse()
                        : Problem.notFound("No session " + sessionId + " is known.").toResponse()));
    }

    private Response view(SessionView view) {
        caller.checkRead(view.userId(), "This token may not read this session.");
        return Response.ok(SessionResponse.of(view)).build();
    }
}
