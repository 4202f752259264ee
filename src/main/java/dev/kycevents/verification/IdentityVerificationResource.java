package dev.kycevents.verification;

import dev.kycevents.http.ApiDocument;
import dev.kycevents.http.OpenApiExamples;
import dev.kycevents.http.Problem;
import dev.kycevents.security.Caller;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response.Status;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Starts a user's identity verification: the page to send them to, new or the one still open. */
@Path("/users/{uid}/identity-verifications")
@Tag(name = "Verification", description = "Start a Ralio identity verification session")
@Authenticated
public class IdentityVerificationResource {

    private final VerificationStarter starter;
    private final Caller caller;

    public IdentityVerificationResource(VerificationStarter starter, Caller caller) {
        this.starter = starter;
        this.caller = caller;
    }

    @POST
    @Operation(operationId = "startIdentityVerification", summary = "Start (or resume) a user's identity verification",
            description = "Allowed to the user's own token (sub = uid) and to group kyc-service. If the user's current "
                    + "session can still complete (NOT_STARTED or STARTED before its expiry, or REVIEW), answers 200 with "
                    + "it and does not call Ralio; otherwise asks Ralio for a new session, records it and answers 201. "
                    + "Concurrent requests for one user create at most one session. No request body.")
    @APIResponse(responseCode = "201", description = "A new session was created and recorded (NOT_STARTED)",
            headers = @Header(name = HttpHeaders.LOCATION, ref = ApiDocument.LOCATION),
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = VerificationResponse.class),
                    examples = @ExampleObject(name = "created", value = OpenApiExamples.VERIFICATION)))
    @APIResponse(responseCode = "200", description = "The user's session that can still complete; Ralio was not called "
            + "(hostedUrl and expiresAt are null when the session was started elsewhere and only seen in webhooks)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = VerificationResponse.class),
                    examples = {@ExampleObject(name = "open session", value = OpenApiExamples.VERIFICATION),
                            @ExampleObject(name = "started elsewhere", value = OpenApiExamples.VERIFICATION_FROM_WEBHOOK)}))
    @APIResponse(responseCode = "400", ref = ApiDocument.INVALID_PARAMETER)
    @APIResponse(responseCode = "401", ref = ApiDocument.UNAUTHORIZED)
    @APIResponse(responseCode = "403", ref = ApiDocument.FORBIDDEN)
    @APIResponse(responseCode = "502", ref = ApiDocument.RALIO_UNAVAILABLE)
    @APIResponse(responseCode = "503", ref = ApiDocument.UNAVAILABLE)
    @Produces(MediaType.APPLICATION_JSON)
    public Uni<Response> start(@Parameter(schema = @Schema(type = SchemaType.STRING, format = "uuid"))
                               @PathParam("uid") UUID uid) {
        caller.checkActFor(uid, "This token may not start a verification for this user.");
        return starter.start(uid)
                .map(IdentityVerificationResource::answer)
                .onFailure(RalioUnavailable.class).recoverWithItem(IdentityVerificationResource::badGateway);
    }

    private static Response answer(StartedVerification started) {
        if (!started.created()) {
            return Response.ok(started.session()).build();
        }
        return Response.created(URI.create("/sessions/" + started.session().sessionId()))
                .entity(started.session()).build();
    }

    // Says nothing of the cause: it is logged, and the caller can only retry.
    private static Response badGateway() {
        return Problem.of(Status.BAD_GATEWAY, "ralio-unavailable",
                "Ralio could not create a verification session; nothing was recorded. Retry later.").toResponse();
    }
}
