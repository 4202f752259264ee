package dev.kycevents.audit;

import dev.kycevents.http.ApiDocument;
import dev.kycevents.http.OpenApiExamples;
import dev.kycevents.http.Problem;
import dev.kycevents.security.Access;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
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

/** The global feed, for downstream consumers and auditors catching up, and each event's raw bytes. */
@Path("/events")
@Tag(name = "Audit", description = "The event history, for compliance")
@RolesAllowed(Access.COMPLIANCE)
public class EventFeedResource {

    private final EventFeeds feeds;

    public EventFeedResource(EventFeeds feeds) {
        this.feeds = feeds;
    }

    @GET
    @Operation(operationId = "listEvents", summary = "Every event in position order, a page at a time",
            description = "Group compliance. Pass the page's nextAfter as after to get the next page; an empty page "
                    + "means nothing newer yet. Positions are gap-free and become visible in order, so paging "
                    + "never skips an event, even while others are being appended.")
    @APIResponse(responseCode = "200", description = "A page of events", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = EventPage.class),
            examples = @ExampleObject(name = "one event", value = OpenApiExamples.EVENT_PAGE)))
    @APIResponse(responseCode = "400", ref = ApiDocument.INVALID_PARAMETER)
    @APIResponse(responseCode = "401", ref = ApiDocument.UNAUTHORIZED)
    @APIResponse(responseCode = "403", ref = ApiDocument.FORBIDDEN)
    @Produces(MediaType.APPLICATION_JSON)
    public Uni<EventPage> feed(
            @Parameter(description = "The last position already seen (default 0: from the start)",
                    schema = @Schema(type = SchemaType.INTEGER, format = "int64", minimum = "0"))
            @QueryParam("after") String after,
            @Parameter(description = "Most events in the page, 1 to 1000 (default 100)",
                    schema = @Schema(type = SchemaType.INTEGER, format = "int32", minimum = "1", maximum = "1000"))
            @QueryParam("limit") String limit) {
        return feeds.page(PageRequest.of(after, limit));
    }

    @GET
    @Path("{eventId}/raw")
    @Operation(operationId = "getRawEvent", summary = "The exact bytes an event arrived as",
            description = "Group compliance. Answered with the content type the event arrived with; the body is "
                    + "byte for byte what was received (and hashed).")
    @APIResponse(responseCode = "200", description = "The body as received, with the content type it arrived with",
            headers = @Header(name = "X-Content-Type-Options", description = "nosniff", required = true,
                    schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "RalioEvent"),
                    examples = @ExampleObject(name = "manual review", value = OpenApiExamples.RAW_EVENT)))
    @APIResponse(responseCode = "400", ref = ApiDocument.INVALID_PARAMETER)
    @APIResponse(responseCode = "401", ref = ApiDocument.UNAUTHORIZED)
    @APIResponse(responseCode = "403", ref = ApiDocument.FORBIDDEN)
    @APIResponse(responseCode = "404", ref = ApiDocument.NOT_FOUND)
    @APIResponse(responseCode = "410", ref = ApiDocument.GONE)
    public Uni<Response> raw(@Parameter(schema = @Schema(type = SchemaType.STRING, format = "uuid"))
                             @PathParam("eventId") UUID eventId) {
        return feeds.raw(eventId).map(raw -> raw == null
                ? Problem.notFound("No event " + eventId + " is stored.").toResponse()
                : raw.erased() ? Problem.gone("The body of event " + eventId + " was erased.").toResponse()
                // nosniff: the bytes are evidence to download, never something a browser should interpret.
                : Response.ok(raw.body(), raw.contentType()).header("X-Content-Type-Options", "nosniff").build());
    }
}
