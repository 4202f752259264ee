package com.example.kyc.audit;

import com.example.kyc.retention.RetentionExamples;
import com.example.kyc.http.OpenApiExamples;
import com.example.kyc.http.Problem;
import com.example.kyc.http.Problems;
import com.example.kyc.query.Uuids;
import com.example.kyc.security.Access;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
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

/** The global feed, for downstream consumers and auditors catching up, and each event's raw bytes. */
@Path("/events")
@Tag(name = "Audit", description = "The event history, for compliance")
@RolesAllowed(Access.COMPLIANCE)
public class EventFeedResource {

    private final EventLog log;

    public EventFeedResource(EventLog log) {
        this.log = log;
    }

    @GET
    @Operation(summary = "Every event in position order, a page at a time",
            description = "Group compliance. Pass the page's nextAfter as after to get the next page; an empty page "
                    + "means nothing newer yet. Positions are gap-free and become visible in order, so paging "
                    + "never skips an event, even while others are being appended.")
    @APIResponse(responseCode = "200", description = "A page of events", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = EventPage.class),
            examples = @ExampleObject(name = "one event", value = OpenApiExamples.EVENT_PAGE)))
    @APIResponse(responseCode = "400", description = "after or limit is not a usable number", content = @Content(
            mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
            examples = @ExampleObject(name = "400", value = OpenApiExamples.INVALID_LIMIT)))
    @APIResponse(responseCode = "401", description = "No bearer token, or one refused (expired, forged, unknown key)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "401", value = OpenApiExamples.INVALID_TOKEN)))
    @APIResponse(responseCode = "403", description = "The token is not in group compliance", content = @Content(
            mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
            examples = @ExampleObject(name = "403", value = OpenApiExamples.FORBIDDEN_GROUP)))
    @Produces(MediaType.APPLICATION_JSON)
    public Uni<EventPage> feed(
            @Parameter(description = "The last position already seen (default 0: from the start)")
            @QueryParam("after") String after,
            @Parameter(description = "Most events in the page, 1 to 1000 (default 100)")
            @QueryParam("limit") String limit) {
        return log.page(PageRequest.of(after, limit));
    }

    @GET
    @Path("{eventId}/raw")
    @Operation(summary = "The exact bytes an event arrived as",
            description = "Group compliance. Answered with the content type the event arrived with; the body is "
                    + "byte for byte what was received (and hashed).")
    @APIResponse(responseCode = "200", description = "The body as received", content = @Content(
            mediaType = MediaType.APPLICATION_JSON,
            examples = @ExampleObject(name = "manual review", value = OpenApiExamples.RAW_EVENT)))
    @APIResponse(responseCode = "400", description = "eventId is not a UUID", content = @Content(
            mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
            examples = @ExampleObject(name = "400", value = OpenApiExamples.NOT_A_UUID)))
    @APIResponse(responseCode = "401", description = "No bearer token, or one refused (expired, forged, unknown key)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "401", value = OpenApiExamples.INVALID_TOKEN)))
    @APIResponse(responseCode = "403", description = "The token is not in group compliance", content = @Content(
            mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
            examples = @ExampleObject(name = "403", value = OpenApiExamples.FORBIDDEN_GROUP)))
    @APIResponse(responseCode = "404", description = "No such event", content = @Content(
            mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
            examples = @ExampleObject(name = "404", value = OpenApiExamples.EVENT_NOT_FOUND)))
    @APIResponse(responseCode = "410", description = "The body was erased at the end of the retention period",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "410", value = RetentionExamples.GONE_EVENT)))
    public Uni<Response> raw(@PathParam("eventId") String eventId) {
        Optional<UUID> id = Uuids.parse(eventId);
        if (id.isEmpty()) {
            return Uni.createFrom().item(Problems.notAUuid("eventId"));
        }
        return log.raw(id.get()).map(raw -> raw == null
                ? Problems.notFound("No event " + id.get() + " is stored.")
                : raw.erased() ? Problems.gone("The body of event " + id.get() + " was erased.")
                // nosniff: the bytes are evidence to download, never something a browser should interpret.
                : Response.ok(raw.body(), raw.contentType()).header("X-Content-Type-Options", "nosniff").build());
    }
}
