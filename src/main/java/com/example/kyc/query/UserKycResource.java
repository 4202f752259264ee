package com.example.kyc.query;

import com.example.kyc.retention.RetentionExamples;
import com.example.kyc.retention.RetentionViewTable;
import io.vertx.mutiny.sqlclient.Pool;
import com.example.kyc.http.Parameters;
import com.example.kyc.http.Problems;
import com.example.kyc.security.Access;
import com.example.kyc.security.Caller;
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

/** The view the frontend polls: may this user open an account, and what should they do next. */
@Path("/users/{uid}/kyc")
@Tag(name = "KYC view", description = "What the frontend polls")
@Authenticated
public class UserKycResource {

    private final KycQueries queries;
    private final PastViews pastViews;
    private final Caller caller;
    private final Clock clock;
    private final RetentionViewTable retention;
    private final Pool pool;

    public UserKycResource(KycQueries queries, PastViews pastViews, Caller caller, Clock clock,
                           RetentionViewTable retention, Pool pool) {
        this.retention = retention;
        this.pool = pool;
        this.queries = queries;
        this.pastViews = pastViews;
        this.caller = caller;
        this.clock = clock;
    }

    @GET
    @Operation(summary = "A user's KYC level, sessions and next action",
            description = "Allowed to the user's own token (sub = uid) and to group kyc-service. Send the ETag back "
                    + "in If-None-Match to get a cheap 304 while nothing changed. With asOf (group compliance "
                    + "only): the view as it was served at that instant, folded from the events recorded by then.")
    @APIResponse(responseCode = "200", description = "The view (unknown users: LIGHT, no sessions)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = KycResponse.class),
                    examples = @ExampleObject(name = "in review", value = OpenApiExamples.KYC_VIEW)))
    @APIResponse(responseCode = "304", description = "Unchanged since the ETag given in If-None-Match")
    @APIResponse(responseCode = "400", description = "uid is not a UUID, or asOf is not an instant", content = @Content(mediaType = Problem.MEDIA_TYPE,
            schema = @Schema(implementation = Problem.class), examples = {@ExampleObject(name = "uid", value = OpenApiExamples.NOT_A_UUID),
                    @ExampleObject(name = "asOf", value = OpenApiExamples.INVALID_AS_OF)}))
    @APIResponse(responseCode = "401", description = "No bearer token, or one refused (expired, forged, unknown key)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "401", value = OpenApiExamples.INVALID_TOKEN)))
    @APIResponse(responseCode = "403", description = "The token is neither the user's nor kyc-service; with asOf, not compliance", content = @Content(mediaType = Problem.MEDIA_TYPE,
            schema = @Schema(implementation = Problem.class), examples = {@ExampleObject(name = "403", value = OpenApiExamples.FORBIDDEN),
                    @ExampleObject(name = "asOf", value = OpenApiExamples.FORBIDDEN_AS_OF)}))
    @APIResponse(responseCode = "503", description = "More polls waiting than kyc.query.max-waiting: answered at once, "
            + "with Retry-After", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
            examples = @ExampleObject(name = "503", value = OpenApiExamples.OVERLOADED)))
    @APIResponse(responseCode = "410", description = "The user's data was erased at the end of the retention period",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "410", value = RetentionExamples.GONE)))
    @Produces(MediaType.APPLICATION_JSON)
    public Uni<Response> view(@PathParam("uid") String uid,
                              @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch,
                              @Parameter(description = "An ISO-8601 instant, e.g. 2025-06-19T17:14:13Z: the view as "
                                      + "served then (group compliance only)")
                              @QueryParam("asOf") String asOf) {
        Optional<UUID> userId = Uuids.parse(uid);
        if (userId.isEmpty()) {
            return Uni.createFrom().item(Problems.notAUuid("uid"));
        }
        if (asOf != null) {
            return pastView(userId.get(), asOf);
        }
        if (!caller.mayActFor(userId.get())) {
            return Uni.createFrom().item(Problems.forbidden());
        }
        Instant now = clock.instant();
        if (ifNoneMatch == null) {
            return fullView(userId.get(), now);
        }
        // A poll of an unchanged view costs one small row read and no JSON.
        return queries.etag(userId.get(), now).flatMap(etag -> KycETag.matches(ifNoneMatch, etag)
                ? Uni.createFrom().item(Response.notModified().header(HttpHeaders.ETAG, etag).build())
                : fullView(userId.get(), now));
    }

    // A past view is audit data: compliance reads it, not the user nor the company's backend.
    private Uni<Response> pastView(UUID userId, String asOfText) {
        if (!caller.inGroup(Access.COMPLIANCE)) {
            return Uni.createFrom().item(Problems.forbidden("Only group compliance may read a past view (asOf)."));
        }
        Instant asOf = Parameters.instant("asOf", asOfText);
        return retention.status(pool, userId).flatMap(status -> status.gone() ? Uni.createFrom().item(erased())
                : pastViews.asOf(userId, asOf).map(user -> Response.ok(user.toResponse(asOf))
                        .header(HttpHeaders.CACHE_CONTROL, "no-store")
                        .build()));
    }

    private static Response erased() {
        return Problems.gone("The user's data was erased at the end of the retention period.");
    }

    private Uni<Response> fullView(UUID userId, Instant now) {
        return queries.user(userId).map(user -> user == null ? erased() : Response.ok(user.toResponse(now))
                .header(HttpHeaders.ETAG, user.etag(now))
                .header(HttpHeaders.CACHE_CONTROL, "no-cache")
                .build());
    }
}
