package dev.kycevents.retention;

import dev.kycevents.event.InstantRange;
import dev.kycevents.event.LegalHoldPlaced;
import dev.kycevents.event.LegalHoldReleased;
import dev.kycevents.event.OwnEvents;
import dev.kycevents.event.RelationshipEnded;
import dev.kycevents.event.RetentionEvent;
import dev.kycevents.event.StorableText;
import dev.kycevents.http.ApiDocument;
import dev.kycevents.http.InvalidParameterException;
import dev.kycevents.ingest.AppendQueue;
import dev.kycevents.security.Access;
import dev.kycevents.store.NewEvent;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The retention rules, recorded as events: the end of the relationship, legal holds; and the status they give. */
@Path("/users/{uid}")
@Tag(name = "Retention", description = "Keep the evidence for the retention period, then erase the person")
public class RetentionResource {

    /** A backend's clock may run a little ahead of ours: an end this far in the future is still taken as now-ish. */
    static final Duration CLOCK_SKEW = Duration.ofMinutes(1);
    static final int MAX_REASON = 1000;

    private final AppendQueue appendQueue;
    private final RetentionViewTable retention;
    private final RetentionSettings settings;
    private final Pool pool;
    private final Clock clock;
    private final ObjectMapper json;

    public RetentionResource(AppendQueue appendQueue, RetentionViewTable retention, RetentionSettings settings,
                             Pool pool, Clock clock, ObjectMapper json) {
        this.appendQueue = appendQueue;
        this.retention = retention;
        this.settings = settings;
        this.pool = pool;
        this.clock = clock;
        this.json = json;
    }

    @POST
    @Path("relationship-end")
    @RolesAllowed(Access.KYC_SERVICE)
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "recordRelationshipEnd", summary = "Record the end of the business relationship",
            description = "Group kyc-service. Body {\"endedAt\": \"<instant>\"}, not in the future. Appends "
                    + "kyc_relationship_ended; the retention period runs from endedAt until an event of the user that "
                    + "happened later stops it. A new end restarts it.")
    @APIResponse(responseCode = "200", description = "Recorded; the user's retention status", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RetentionResponse.class),
            examples = @ExampleObject(name = "status", value = RetentionExamples.STATUS)))
    @APIResponse(responseCode = "400", ref = ApiDocument.INVALID_BODY)
    @APIResponse(responseCode = "401", ref = ApiDocument.UNAUTHORIZED)
    @APIResponse(responseCode = "403", ref = ApiDocument.FORBIDDEN)
    public Uni<Response> endRelationship(@Parameter(schema = @Schema(type = SchemaType.STRING, format = "uuid")) @PathParam("uid") UUID user,
            @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = RelationshipEndRequest.class),
                    examples = @ExampleObject(name = "ended", value = RetentionExamples.RELATIONSHIP_END))) String body) {
        Instant now = clock.instant();
        Instant endedAt = endedAt(read(body), now);
        return record(new RelationshipEnded(UUID.randomUUID(), user, now, endedAt));
    }

    @PUT
    @Path("legal-hold")
    @RolesAllowed(Access.COMPLIANCE)
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "placeLegalHold", summary = "Place the user's records under legal hold",
            description = "Group compliance. Body {\"reason\": \"...\"} (1 to 1000 characters). Appends "
                    + "kyc_legal_hold_placed; a user under hold is never erased.")
    @APIResponse(responseCode = "200", description = "Recorded; the user's retention status", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RetentionResponse.class),
            examples = @ExampleObject(name = "status", value = RetentionExamples.STATUS)))
    @APIResponse(responseCode = "400", ref = ApiDocument.INVALID_BODY)
    @APIResponse(responseCode = "401", ref = ApiDocument.UNAUTHORIZED)
    @APIResponse(responseCode = "403", ref = ApiDocument.FORBIDDEN)
    public Uni<Response> placeHold(@Parameter(schema = @Schema(type = SchemaType.STRING, format = "uuid")) @PathParam("uid") UUID user,
            @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = LegalHoldRequest.class),
                    examples = @ExampleObject(name = "hold", value = RetentionExamples.LEGAL_HOLD))) String body) {
        return record(new LegalHoldPlaced(UUID.randomUUID(), user, clock.instant(), reason(read(body), true)));
    }

    @DELETE
    @Path("legal-hold")
    @RolesAllowed(Access.COMPLIANCE)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "releaseLegalHold", summary = "Release the user's legal hold",
            description = "Group compliance. Optional body {\"reason\": \"...\"}. Appends kyc_legal_hold_released "
                    + "when a hold is in place; without one, changes nothing.")
    @APIResponse(responseCode = "200", description = "The user's retention status", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RetentionResponse.class),
            examples = @ExampleObject(name = "status", value = RetentionExamples.STATUS)))
    @APIResponse(responseCode = "400", ref = ApiDocument.INVALID_BODY)
    @APIResponse(responseCode = "401", ref = ApiDocument.UNAUTHORIZED)
    @APIResponse(responseCode = "403", ref = ApiDocument.FORBIDDEN)
    public Uni<Response> releaseHold(@Parameter(schema = @Schema(type = SchemaType.STRING, format = "uuid")) @PathParam("uid") UUID user,
            @RequestBody(required = false, content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = LegalHoldRequest.class),
                    examples = @ExampleObject(name = "release", value = RetentionExamples.LEGAL_HOLD))) String body) {
        String reason = body == null || body.isBlank() ? null : reason(read(body), false);
        return retention.status(pool, user).flatMap(status -> status.view().legalHold()
                ? record(new LegalHoldReleased(UUID.randomUUID(), user, clock.instant(), reason))
                : Uni.createFrom().item(ok(status)));
    }

    @GET
    @Path("retention")
    @RolesAllowed(Access.COMPLIANCE)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "getRetention", summary = "Where the user stands with retention",
            description = "Group compliance. When the relationship ended, whether the clock runs, when the user "
                    + "becomes erasable, whether a legal hold is in place, and when the user was erased.")
    @APIResponse(responseCode = "200", description = "The user's retention status (unknown users: nothing recorded)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = RetentionResponse.class),
                    examples = @ExampleObject(name = "on hold", value = RetentionExamples.ON_HOLD)))
    @APIResponse(responseCode = "400", ref = ApiDocument.INVALID_BODY)
    @APIResponse(responseCode = "401", ref = ApiDocument.UNAUTHORIZED)
    @APIResponse(responseCode = "403", ref = ApiDocument.FORBIDDEN)
    public Uni<Response> status(@Parameter(schema = @Schema(type = SchemaType.STRING, format = "uuid")) @PathParam("uid") UUID user) {
        return retention.status(pool, user).map(this::ok);
    }

    // Every field was checked above (endedAt, reason), so the event is storable.
    private Uni<Response> record(RetentionEvent event) {
        return appendQueue.offer(NewEvent.recordedHere(event, OwnEvents.json(event)))
                .flatMap(outcome -> retention.status(pool, event.userId()))
                .map(this::ok);
    }

    private Response ok(RetentionStatus status) {
        return Response.ok(RetentionResponse.of(status, settings.period())).build();
    }

    private JsonNode read(String body) {
        try {
            JsonNode root = body == null || body.isBlank() ? null : json.readTree(body);
            if (root == null || !root.isObject()) {
                throw new InvalidParameterException(null, "the body must be a JSON object");
            }
            return root;
        } catch (JsonProcessingException e) {
            throw new InvalidParameterException(null, "the body is not valid JSON");
        }
    }

    private static Instant endedAt(JsonNode body, Instant now) {
        JsonNode value = body.get("endedAt");
        if (value == null || !value.isTextual()) {
            throw new InvalidParameterException("endedAt", "endedAt must be given as an ISO-8601 instant");
        }
        Instant endedAt;
        try {
            endedAt = Instant.parse(value.asText());
        } catch (DateTimeParseException e) {
            throw new InvalidParameterException("endedAt", "endedAt must be an ISO-8601 instant, e.g. 2025-06-19T17:14:13Z");
        }
        if (!InstantRange.contains(endedAt)) {
            throw new InvalidParameterException("endedAt", "endedAt must be in the years 0001 to 9999 (UTC)");
        }
        if (endedAt.isAfter(now.plus(CLOCK_SKEW))) {
            throw new InvalidParameterException("endedAt", "endedAt must not be in the future");
        }
        return endedAt.truncatedTo(java.time.temporal.ChronoUnit.MICROS);
    }

    private static String reason(JsonNode body, boolean required) {
        JsonNode value = body.get("reason");
        if (value == null || value.isNull()) {
            if (required) {
                throw new InvalidParameterException("reason", "reason must be given: why the records are held");
            }
            return null;
        }
        if (!value.isTextual() || value.asText().isBlank() || value.asText().length() > MAX_REASON) {
            throw new InvalidParameterException("reason", "reason must be text of 1 to " + MAX_REASON + " characters");
        }
        String unstorable = StorableText.problem(value.asText());
        if (unstorable != null) {
            throw new InvalidParameterException("reason", "reason " + unstorable);
        }
        return value.asText();
    }
}
