package dev.kycevents.http;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * An RFC 9457 problem detail. {@code field} is an extension member naming the offending JSON
 * field (e.g. {@code data.userId}) when the problem is one field of the request body.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(requiredProperties = {"type", "title", "status", "detail"})
public record Problem(String type, String title, int status, String detail,
                      @Schema(description = "The request field or parameter at fault, when there is one") String field) {

    public static final String MEDIA_TYPE = "application/problem+json";

    public static Problem of(Response.Status status, String slug, String detail) {
        return new Problem("urn:kyc-events:problem:" + slug, status.getReasonPhrase(), status.getStatusCode(),
                detail, null);
    }

    /** {@code detail} says what was refused, e.g. "This token may not start a verification for this user." */
    public static Problem forbidden(String detail) {
        return of(Response.Status.FORBIDDEN, "forbidden", detail);
    }

    /** Erased at the end of the retention period: it existed, and will not come back. */
    public static Problem gone(String detail) {
        return of(Response.Status.GONE, "erased", detail);
    }

    public static Problem notFound(String detail) {
        return of(Response.Status.NOT_FOUND, "not-found", detail);
    }

    public Problem withField(String name) {
        return new Problem(type, title, status, detail, name);
    }

    public Response toResponse() {
        return Response.status(status).type(MEDIA_TYPE).entity(this).build();
    }
}
