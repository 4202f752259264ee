package com.example.kyc.query;

import com.example.kyc.retention.RetentionExamples;
import com.example.kyc.projection.session.SessionView;
import com.example.kyc.http.Problems;
import com.example.kyc.security.Caller;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import com.example.kyc.http.OpenApiExamples;
import com.example.kyc.http.Problem;

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
    @Operation(summary = "One verification session", description = "Allowed to the session's user and to kyc-service.")
    @APIResponse(responseCode = "200", description = "The session", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SessionResponse.class),
            examples = @ExampleObject(name = "in review", value = OpenApiExamples.SESSION)))
    @APIResponse(responseCode = "400", description = "sessionId is not a UUID", content = @Content(mediaType = Problem.MEDIA_TYPE,
            schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "400", value = OpenApiExamples.NOT_A_UUID)))
    @APIResponse(responseCode = "401", description = "No bearer token, or one refused (expired, forged, unknown key)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "401", value = OpenApiExamples.INVALID_TOKEN)))
    @APIResponse(responseCode = "403", description = "Someone else's session", content = @Content(mediaType = Problem.MEDIA_TYPE,
            schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "403", value = OpenApiExamples.FORBIDDEN)))
    @APIResponse(responseCode = "404", description = "No such session", content = @Content(mediaType = Problem.MEDIA_TYPE,
            schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "404", value = OpenApiExamples.NOT_FOUND)))
    @APIResponse(responseCode = "410", description = "The session's data was erased at the end of the retention period",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "410", value = RetentionExamples.GONE)))
    @Produces(MediaType.APPLICATION_JSON)
    public Uni<Response> session(@PathParam("sessionId") String sessionId) {
        Optional<UUID> id = Uuids.parse(sessionId);
        if (id.isEmpty()) {
            return Uni.createFrom().item(Problems.notAUuid("sessionId"));
        }
        return queries.session(id.get()).flatMap(view -> view != null ? Uni.createFrom().item(view(view))
                : queries.sessionErased(id.get()).map(erased -> erased
                        ? Problems.gone("The session's data was erased at the end of the retention period.")
                        : Problems.notFound("No session " + id.get() + " is known.")));
    }

    private Response view(SessionView view) {
        if (!caller.mayActFor(view.userId())) {
            return Problems.forbidden();
        }
        return Response.ok(SessionResponse.of(view)).build();
    }
}
