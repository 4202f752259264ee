package dev.kycevents.http;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Every error leaves as application/problem+json. Unexpected failures answer 503 so a sender
 * retries, and never reveal exception types or messages (they may carry SQL or data).
 */
public class ProblemMapper {

    private static final Logger LOG = Logger.getLogger(ProblemMapper.class);

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e) {
        Response.Status status = Response.Status.fromStatusCode(e.getResponse().getStatus());
        if (status == null) {
            return e.getResponse();
        }
        String slug = status.getReasonPhrase().toLowerCase().replace(' ', '-');
        return Problem.of(status, slug, status.getReasonPhrase()).toResponse();
    }

    @ServerExceptionMapper
    public Response unexpected(Exception e) {
        LOG.errorf("request failed: %s", Failures.describe(e));
        return unavailable();
    }

    /** The answer to a fault that a retry may not meet: the database down, a timeout. */
    public static Response unavailable() {
        Problem problem = Problem.of(Response.Status.SERVICE_UNAVAILABLE, "unavailable",
                "The service could not complete the request; nothing was recorded. Retry later.");
        return Response.status(503).type(Problem.MEDIA_TYPE).header("Retry-After", "5").entity(problem).build();
    }
}
