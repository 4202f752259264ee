package dev.kycevents.http;

import static dev.kycevents.http.OpenApiExamples.*;

import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.Components;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.info.License;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.servers.Server;

/**
 * The parts of /q/openapi that several operations share, declared once: every refusal (a problem+json
 * response with its examples) and the headers. An operation lists the refusals it can answer with
 * {@code @APIResponse(responseCode = "403", ref = ApiDocument.FORBIDDEN)}; its own success bodies come
 * from the records it returns. The README ("Declaring an endpoint") says how to add one. SmallRye reads
 * {@code @OpenAPIDefinition} only on an {@code Application}; without {@code @ApplicationPath} it changes
 * nothing else.
 */
@OpenAPIDefinition(
        info = @Info(title = "KYC event service", version = "1.0",
                description = "Ralio KYC webhooks into an event store, read models, and audit.",
                license = @License(name = "Apache-2.0", url = "https://www.apache.org/licenses/LICENSE-2.0")),
        servers = @Server(url = "/", description = "This service: paths are relative to where the document is served"),
        components = @Components(
                responses = {
                        @APIResponse(name = ApiDocument.INVALID_PARAMETER, responseCode = "400",
                                description = "A path or query parameter is not usable; field names it",
                                content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                                        examples = {@ExampleObject(name = "uid", value = NOT_A_UUID),
                                                @ExampleObject(name = "asOf", value = INVALID_AS_OF),
                                                @ExampleObject(name = "limit", value = INVALID_LIMIT),
                                                @ExampleObject(name = "from", value = INVALID_POSITION),
                                                @ExampleObject(name = "range", value = INVALID_RANGE)})),
                        @APIResponse(name = ApiDocument.INVALID_EVENT, responseCode = "400",
                                description = "Not JSON, or a required field missing or mistyped (named in field)",
                                content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                                        examples = @ExampleObject(name = "data.userId", value = INVALID_FIELD))),
                        @APIResponse(name = ApiDocument.INVALID_BODY, responseCode = "400",
                                description = "The request body is not usable, or a path parameter is not; field names it",
                                content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                                        examples = {@ExampleObject(name = "endedAt", value = INVALID_ENDED_AT),
                                                @ExampleObject(name = "reason", value = INVALID_REASON),
                                                @ExampleObject(name = "uid", value = NOT_A_UUID)})),
                        @APIResponse(name = ApiDocument.UNAUTHORIZED, responseCode = "401",
                                description = "No bearer token, or one refused (expired, forged, unknown key, other issuer)",
                                headers = @Header(name = "WWW-Authenticate", description = "Bearer, or Bearer error=\"invalid_token\"",
                                        schema = @Schema(type = SchemaType.STRING)),
                                content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                                        examples = {@ExampleObject(name = "no token", value = NO_TOKEN),
                                                @ExampleObject(name = "invalid token", value = INVALID_TOKEN)})),
                        @APIResponse(name = ApiDocument.INVALID_SIGNATURE, responseCode = "401",
                                description = "Signature missing, invalid or outside the tolerance (5 minutes by default)",
                                content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                                        examples = @ExampleObject(name = "signature", value = UNAUTHORIZED))),
                        @APIResponse(name = ApiDocument.FORBIDDEN, responseCode = "403",
                                description = "A valid token that may not do this; detail says what was refused",
                                content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                                        examples = {@ExampleObject(name = "view", value = FORBIDDEN_VIEW),
                                                @ExampleObject(name = "session", value = FORBIDDEN_SESSION),
                                                @ExampleObject(name = "start", value = FORBIDDEN_START),
                                                @ExampleObject(name = "asOf", value = FORBIDDEN_AS_OF),
                                                @ExampleObject(name = "group", value = FORBIDDEN_GROUP)})),
                        @APIResponse(name = ApiDocument.NOT_FOUND, responseCode = "404",
                                description = "No such session or event",
                                content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                                        examples = {@ExampleObject(name = "session", value = OpenApiExamples.NOT_FOUND),
                                                @ExampleObject(name = "event", value = EVENT_NOT_FOUND)})),
                        @APIResponse(name = ApiDocument.EVENT_CONFLICT, responseCode = "409",
                                description = "Same id with other content, or a session of another user",
                                content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                                        examples = {@ExampleObject(name = "id reused", value = CONFLICT),
                                                @ExampleObject(name = "session of another user", value = SESSION_CONFLICT)})),
                        @APIResponse(name = ApiDocument.REBUILD_RUNNING, responseCode = "409",
                                description = "A rebuild is already running",
                                content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                                        examples = @ExampleObject(name = "running", value = OpenApiExamples.REBUILD_RUNNING))),
                        @APIResponse(name = ApiDocument.SWEEP_RUNNING, responseCode = "409",
                                description = "A retention sweep is already running (on this or another instance)",
                                content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                                        examples = @ExampleObject(name = "running", value = OpenApiExamples.SWEEP_RUNNING))),
                        @APIResponse(name = ApiDocument.TOO_LARGE, responseCode = "413",
                                description = "Body over the limit (1 MiB by default), refused before it is read "
                                        + "(a client that sent Expect: 100-continue gets no body)",
                                content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                                        examples = @ExampleObject(name = "too large", value = BODY_TOO_LARGE))),
                        @APIResponse(name = ApiDocument.GONE, responseCode = "410",
                                description = "Erased at the end of the retention period (see the README, Retention and erasure)",
                                content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                                        examples = {@ExampleObject(name = "user", value = ERASED_USER),
                                                @ExampleObject(name = "event", value = ERASED_EVENT)})),
                        @APIResponse(name = ApiDocument.UNSUPPORTED_MEDIA_TYPE, responseCode = "415",
                                description = "Not application/json in UTF-8",
                                content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                                        examples = @ExampleObject(name = "text/plain", value = UNSUPPORTED))),
                        @APIResponse(name = ApiDocument.RALIO_UNAVAILABLE, responseCode = "502",
                                description = "Ralio unreachable, too slow, failing or answering nonsense: nothing recorded",
                                content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                                        examples = @ExampleObject(name = "Ralio down", value = OpenApiExamples.RALIO_UNAVAILABLE))),
                        @APIResponse(name = ApiDocument.UNAVAILABLE, responseCode = "503",
                                description = "The database failed, or more requests are waiting than the service's bound "
                                        + "(answered at once): nothing recorded; retry after Retry-After",
                                headers = @Header(name = "Retry-After", ref = ApiDocument.RETRY_AFTER),
                                content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                                        examples = {@ExampleObject(name = "database down", value = OpenApiExamples.UNAVAILABLE),
                                                @ExampleObject(name = "overloaded", value = OVERLOADED)}))},
                headers = {
                        @Header(name = ApiDocument.ETAG,
                                description = "The view's version; send it back in If-None-Match to get a 304 while "
                                        + "nothing changed. A past view (asOf) has none.",
                                schema = @Schema(type = SchemaType.STRING, examples = "\"17\"")),
                        @Header(name = ApiDocument.LOCATION, required = true, description = "The new session, /sessions/{sessionId}",
                                schema = @Schema(type = SchemaType.STRING, format = "uri-reference")),
                        @Header(name = ApiDocument.RETRY_AFTER, required = true, description = "Seconds to wait before retrying",
                                schema = @Schema(type = SchemaType.INTEGER, minimum = "0"))}))
public class ApiDocument extends Application {

    public static final String INVALID_PARAMETER = "InvalidParameter";
    public static final String INVALID_EVENT = "InvalidEvent";
    public static final String UNAUTHORIZED = "Unauthorized";
    public static final String INVALID_SIGNATURE = "InvalidSignature";
    public static final String FORBIDDEN = "Forbidden";
    public static final String NOT_FOUND = "NotFound";
    public static final String EVENT_CONFLICT = "EventConflict";
    public static final String REBUILD_RUNNING = "RebuildRunning";
    public static final String TOO_LARGE = "PayloadTooLarge";
    public static final String UNSUPPORTED_MEDIA_TYPE = "UnsupportedMediaType";
    public static final String RALIO_UNAVAILABLE = "RalioUnavailable";
    public static final String UNAVAILABLE = "Unavailable";
    public static final String GONE = "Gone";
    public static final String INVALID_BODY = "InvalidBody";
    public static final String SWEEP_RUNNING = "SweepRunning";

    public static final String ETAG = "ETag";
    public static final String LOCATION = "Location";
    public static final String RETRY_AFTER = "Retry-After";

}
