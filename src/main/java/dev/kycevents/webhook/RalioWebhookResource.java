package dev.kycevents.webhook;

import dev.kycevents.event.EventParser;
import dev.kycevents.event.InvalidEventException;
import dev.kycevents.event.KycEvent;
import dev.kycevents.event.Unrecognised;
import dev.kycevents.http.ApiDocument;
import dev.kycevents.http.LogSafe;
import dev.kycevents.http.OpenApiExamples;
import dev.kycevents.http.Problem;
import dev.kycevents.http.ProblemMapper;
import dev.kycevents.ingest.AppendQueue;
import dev.kycevents.metrics.KycMetrics;
import dev.kycevents.overload.BacklogFullException;
import dev.kycevents.store.AppendOutcome;
import dev.kycevents.store.AppendOutcome.Conflict;
import dev.kycevents.store.AppendOutcome.Duplicate;
import dev.kycevents.store.AppendOutcome.Stored;
import dev.kycevents.store.EventSource;
import dev.kycevents.store.NewEvent;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response.Status;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirements;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.logging.Logger;

/**
 * Ralio's webhook endpoint: content type, then signature over the raw bytes, then strict parsing,
 * then the append. Answers 200 only once the event is committed.
 */
@Path("/webhooks/ralio")
@Tag(name = "Webhooks", description = "Ralio delivers KYC events here")
public class RalioWebhookResource {

    private static final Logger LOG = Logger.getLogger(RalioWebhookResource.class);
    /** The type tag of deliveries refused before their type was read. */
    private static final String NO_TYPE = "none";

    private final WebhookSignature signature;
    private final AppendQueue appendQueue;
    private final Clock clock;
    private final KycMetrics metrics;
    private final ProblemMapper problems;

    public RalioWebhookResource(WebhookSignature signature, AppendQueue appendQueue, Clock clock,
                                KycMetrics metrics, ProblemMapper problems) {
        this.signature = signature;
        this.appendQueue = appendQueue;
        this.clock = clock;
        this.metrics = metrics;
        this.problems = problems;
    }

    @POST
    @Operation(operationId = "receiveRalioWebhook", summary = "Receive one Ralio KYC event",
            description = "Authenticated by its Standard Webhooks signature alone. Answers 200 only after the event "
                    + "is committed; duplicates (same id, same content) are answered 200 and stored once.")
    @SecurityRequirements
    @RequestBody(required = true, description = "Ralio's event envelope, signed; read as raw bytes so the signature "
            + "is checked over exactly what was sent",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "RalioEvent"),
                    examples = {@ExampleObject(name = "kyc_session_verified", value = OpenApiExamples.RALIO_SESSION_VERIFIED),
                            @ExampleObject(name = "kyc_session_manual_review", value = OpenApiExamples.RALIO_SESSION_MANUAL_REVIEW),
                            @ExampleObject(name = "kyc_session_failed", value = OpenApiExamples.RALIO_SESSION_FAILED),
                            @ExampleObject(name = "kyc_session_expired", value = OpenApiExamples.RALIO_SESSION_EXPIRED),
                            @ExampleObject(name = "kyc_state_updated", value = OpenApiExamples.RALIO_STATE_UPDATED)}))
    @APIResponse(responseCode = "200", description = "Committed, or already stored", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = WebhookReceipt.class),
            examples = {@ExampleObject(name = "stored", value = OpenApiExamples.RECEIPT),
                        @ExampleObject(name = "duplicate", value = OpenApiExamples.DUPLICATE_RECEIPT)}))
    @APIResponse(responseCode = "400", ref = ApiDocument.INVALID_EVENT)
    @APIResponse(responseCode = "401", ref = ApiDocument.INVALID_SIGNATURE)
    @APIResponse(responseCode = "409", ref = ApiDocument.EVENT_CONFLICT)
    @APIResponse(responseCode = "413", ref = ApiDocument.TOO_LARGE)
    @APIResponse(responseCode = "415", ref = ApiDocument.UNSUPPORTED_MEDIA_TYPE)
    @APIResponse(responseCode = "503", ref = ApiDocument.UNAVAILABLE)
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    public Uni<Response> receive(@HeaderParam("Content-Type") String contentType,
                                 @Parameter(description = "Message id, part of the signed content")
                                 @HeaderParam("webhook-id") String webhookId,
                                 @Parameter(description = "Unix seconds, part of the signed content")
                                 @HeaderParam("webhook-timestamp") String webhookTimestamp,
                                 // Swagger UI renders descriptions as Markdown: in a code span the <...> is shown, not taken for HTML.
                                 @Parameter(description = "Space-separated `v1,<base64 HMAC-SHA256>` entries")
                                 @HeaderParam("webhook-signature") String webhookSignature,
                                 @Parameter(description = "Svix's name for webhook-id (either name is accepted)")
                                 @HeaderParam("svix-id") String svixId,
                                 @Parameter(description = "Svix's name for webhook-timestamp")
                                 @HeaderParam("svix-timestamp") String svixTimestamp,
                                 @Parameter(description = "Svix's name for webhook-signature")
                                 @HeaderParam("svix-signature") String svixSignature,
                                 byte[] body) {
        try {
            // Refusing must cost less than accepting: under a flood, neither HMAC nor parsing is spent
            // on a delivery that could not be queued anyway. (offer checks again: this is a shortcut.)
            appendQueue.checkRoom();
        } catch (BacklogFullException full) {
            return answer(overloaded(NO_TYPE, full));
        }
        if (!WebhookContentType.acceptable(contentType)) {
            LOG.infof("webhook rejected: unsupported content type");
            metrics.webhook(NO_TYPE, "rejected", "content-type");
            return answer(Problem.of(Status.UNSUPPORTED_MEDIA_TYPE, "unsupported-media-type",
                    "Send the event as application/json (UTF-8).").toResponse());
        }
        WebhookHeaders.Resolution headers = WebhookHeaders.resolve(webhookId, webhookTimestamp, webhookSignature,
                svixId, svixTimestamp, svixSignature);
        if (headers.conflict() != null) {
            WebhookHeaders.Conflict conflict = headers.conflict();
            LOG.infof("webhook rejected: %s and %s differ", conflict.standardName(), conflict.svixName());
            metrics.webhook(NO_TYPE, "rejected", "conflicting-headers");
            return answer(Problem.of(Status.BAD_REQUEST, "conflicting-headers", conflict.standardName() + " and "
                    + conflict.svixName() + " carry different values; send one of them, or the same value in both.")
                    .withField(conflict.svixName()).toResponse());
        }
        String id = headers.headers().id();
        SignatureVerdict verdict = signature.verify(id, headers.headers().timestamp(), headers.headers().signature(),
                body, clock.instant());
        if (!verdict.valid()) {
            LOG.infof("webhook rejected: signature %s (webhook-id %s)", verdict.reason(), LogSafe.text(id));
            metrics.webhook(NO_TYPE, "rejected", "signature");
            return answer(Problem.of(Status.UNAUTHORIZED, "invalid-signature",
                    "The webhook signature is missing, invalid or outside the accepted time window.").toResponse());
        }
        KycEvent event;
        String payload;
        try {
            EventParser.ParsedEvent parsed = EventParser.parseWebhook(body);
            event = parsed.event();
            payload = parsed.payloadJson();
        } catch (InvalidEventException e) {
            LOG.infof("webhook rejected: invalid field %s (webhook-id %s)", LogSafe.text(e.field()),
                    LogSafe.text(id));
            metrics.webhook(NO_TYPE, "rejected", "invalid-event");
            return answer(Problem.of(Status.BAD_REQUEST, "invalid-event", e.getMessage())
                    .withField(e.field()).toResponse());
        }
        return appendQueue.offer(new NewEvent(event, payload, body, contentType, EventSource.RALIO_WEBHOOK))
                .map(outcome -> respond(event, outcome))
                .onFailure(BacklogFullException.class)
                .recoverWithItem(full -> overloaded(typeTag(event), (BacklogFullException) full))
                .onFailure().recoverWithItem(failure -> {
                    LOG.warnf("webhook event=%s type=%s outcome=failed cause=%s", event.eventId(),
                            LogSafe.text(event.type()), LogSafe.failure(failure));
                    metrics.webhook(typeTag(event), "failed", "database");
                    return ProblemMapper.unavailable();
                });
    }

    // Logged at debug only: under a flood a line per refusal would flood the logs as well.
    private Response overloaded(String type, BacklogFullException full) {
        LOG.debugf("webhook type=%s outcome=overloaded", type);
        metrics.webhook(type, "overloaded", "backlog-full");
        return problems.overloaded();
    }

    private static String typeTag(KycEvent event) {
        return event instanceof Unrecognised ? "unknown" : event.type();
    }

    private Response respond(KycEvent event, AppendOutcome outcome) {
        if (outcome instanceof Stored stored) {
            LOG.infof("webhook event=%s type=%s outcome=stored position=%d", event.eventId(),
                    LogSafe.text(event.type()), stored.row().position());
            metrics.webhook(typeTag(event), "stored", "none");
            return Response.ok(WebhookReceipt.stored(event.eventId(), stored.row().position())).build();
        }
        if (outcome instanceof Duplicate duplicate) {
            LOG.infof("webhook event=%s type=%s outcome=duplicate position=%d", event.eventId(),
                    LogSafe.text(event.type()), duplicate.position());
            metrics.webhook(typeTag(event), "duplicate", "none");
            return Response.ok(WebhookReceipt.duplicate(event.eventId(), duplicate.position())).build();
        }
        Conflict conflict = (Conflict) outcome;
        String kind = conflict.kind().name().toLowerCase().replace('_', '-');
        metrics.webhook(typeTag(event), "conflict", kind);
        LOG.infof("webhook event=%s type=%s outcome=conflict reason=%s", event.eventId(),
                LogSafe.text(event.type()), conflict.kind());
        return Problem.of(Status.CONFLICT, kind, conflict.detail()).toResponse();
    }

    private static Uni<Response> answer(Response response) {
        return Uni.createFrom().item(response);
    }
}
