package dev.kycevents.audit;

import dev.kycevents.http.ApiDocument;
import dev.kycevents.http.OpenApiExamples;
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
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** One user's event history, for compliance. */
@Path("/users/{uid}/events")
@Tag(name = "Audit")
@RolesAllowed(Access.COMPLIANCE)
public class UserEventsResource {

    private final EventFeeds feeds;

    public UserEventsResource(EventFeeds feeds) {
        this.feeds = feeds;
    }

    @GET
    @Operation(operationId = "listUserEvents", summary = "A user's events in position order, a page at a time",
            description = "Group compliance. Pass the page's nextAfter as after to get the next page. "
                    + "A user with no events has an empty first page.")
    @APIResponse(responseCode = "200", description = "A page of the user's events", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = EventPage.class),
            examples = @ExampleObject(name = "one event", value = OpenApiExamples.EVENT_PAGE)))
    @APIResponse(responseCode = "400", ref = ApiDocument.INVALID_PARAMETER)
    @APIResponse(responseCode = "401", ref = ApiDocument.UNAUTHORIZED)
    @APIResponse(responseCode = "403", ref = ApiDocument.FORBIDDEN)
    @Produces(MediaType.APPLICATION_JSON)
    public Uni<Response> events(
            @Parameter(schema = @Schema(type = SchemaType.STRING, format = "uuid")) @PathParam("uid") UUID uid,
            @Parameter(description = "The last position already seen (default 0: from the start)",
                    schema = @Schema(type = SchemaType.INTEGER, format = "int64", minimum = "0"))
            @QueryParam("after") String after,
            @Parameter(description = "Most events in the page, 1 to 1000 (default 100)",
                    schema = @Schema(type = SchemaType.INTEGER, format = "int32", minimum = "1", maximum = "1000"))
            @QueryParam("limit") String limit) {
        return feeds.userPage(uid, PageRequest.of(after, limit)).map(page -> Response.ok(page).build());
    }
}
