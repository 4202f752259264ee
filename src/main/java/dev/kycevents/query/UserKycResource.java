package dev.kycevents.query;

import dev.kycevents.audit.PastViews;
import dev.kycevents.http.ApiDocument;
import dev.kycevents.http.OpenApiExamples;
import dev.kycevents.http.Parameters;
import dev.kycevents.http.Problem;
import dev.kycevents.security.Access;
import dev.kycevents.security.Caller;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.time.Instant;
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

/** The view the frontend polls: may this user open an account, and what should they do next. */
@Path("/users/{uid}/kyc")
@Tag(name = "KYC view", description = "What the frontend polls")
@Authenticated
public class UserKycResource {

    private final KycQueries queries;
    private final PastViews pastViews;
    private final Caller caller;
    private final Clock clock;

    public UserKycResource(KycQueries queries, PastViews pastViews, Caller caller, Clock clock) {
        this.queries = queries;
        this.pastViews = pastViews;
        this.caller = caller;
        this.clock = clock;
    }

    @GET
    @Operation(operationId = "getUserKyc", summary = "A user's KYC level, sessions and next action",
            description = "Allowed to the user's own token (sub = uid), to group kyc-service, and to group compliance "
                    + "(read-only). Send the ETag back in If-None-Match to get a cheap 304 while nothing changed. "
                    + "With asOf (group compliance only): the view as it was served at that instant, folded from the "
                    + "events recorded by then; such an answer has no ETag and is never cached.")
    @APIResponse(responseCode = "200", description = "The view (unknown users: LIGHT, no sessions)",
            headers = @Header(name = HttpHeaders.ETAG, ref = ApiDocument.ETAG),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = KycResponse.class),
                    examples = {@ExampleObject(name = "in review", value = OpenApiExamples.KYC_VIEW),
                            @ExampleObject(name = "unknown user", value = OpenApiExamples.KYC_VIEW_UNKNOWN_USER)}))
    @APIResponse(responseCode = "304", description = "Unchanged since the ETag given in If-None-Match",
            headers = @Header(name = HttpHeaders.ETAG, ref = ApiDocument.ETAG))
    @APIResponse(responseCode = "400", ref = ApiDocument.INVALID_PARAMETER)
    @APIResponse(responseCode = "401", ref = ApiDocument.UNAUTHORIZED)
    @APIResponse(responseCode = "403", ref = ApiDocument.FORBIDDEN)
    @APIResponse(responseCode = "503", ref = ApiDocument.UNAVAILABLE)
    @APIResponse(responseCode = "410", ref = ApiDocument.GONE)
    @Produces(MediaType.APPLICATION_JSON)
    public Uni<Response> view(@Parameter(schema = @Schema(type = SchemaType.STRING, format = "uuid"))
                              @PathParam("uid") UUID uid,
                              @Parameter(description = "The ETag of the view the caller has; unchanged, the answer is 304")
                              @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch,
                              @Parameter(description = "An ISO-8601 instant with an offset, e.g. 2025-06-19T17:14:13Z: "
                                      + "the view as served then (group compliance only)",
                                      schema = @Schema(type = SchemaType.STRING, format = "date-time"))
                              @QueryParam("asOf") String asOf) {
        if (asOf != null) {
            return pastView(uid, asOf);
        }
        caller.checkRead(uid, "This token may not read this user's KYC view.");
        Instant now = clock.instant();
        if (ifNoneMatch == null) {
            return fullView(uid, now);
        }
        // A poll of an unchanged view costs one small row read and no JSON.
        return queries.etag(uid, now).flatMap(etag -> etag == null ? Uni.createFrom().item(erased())
                : KycETag.matches(ifNoneMatch, etag)
                ? Uni.createFrom().item(Response.notModified().header(HttpHeaders.ETAG, etag).build())
                : fullView(uid, now));
    }

    // A past view is audit data: compliance reads it, not the user nor the company's backend.
    private Uni<Response> pastView(UUID userId, String asOfText) {
        if (!caller.inGroup(Access.COMPLIANCE)) {
            return Uni.createFrom().item(
                    Problem.forbidden("Only group compliance may read a past view (asOf).").toResponse());
        }
        Instant asOf = Parameters.instant("asOf", asOfText);
        return pastViews.asOf(userId, asOf).map(views -> views == null ? erased()
                : Response.ok(UserKyc.folded(views).toResponse(asOf))
                        .header(HttpHeaders.CACHE_CONTROL, "no-store")
                        .build());
    }

    private static Response erased() {
        return Problem.gone("The user's data was erased at the end of the retention period.").toResponse();
    }

    private Uni<Response> fullView(UUID userId, Instant now) {
        return queries.user(userId).map(user -> user == null ? erased() : Response.ok(user.toResponse(now))
                .header(HttpHeaders.ETAG, user.etag(now))
                .header(HttpHeaders.CACHE_CONTROL, "no-cache")
                .build());
    }
}
