package dev.kycevents.http;

import dev.kycevents.overload.BacklogFullException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Response.Status;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * The one place failures become answers: every error leaves as application/problem+json. Unexpected
 * failures answer 503 so a sender retries, and never reveal exception types or messages (they may carry
 * SQL or data). The 401s replace Quarkus's own empty-bodied challenges; they run for proactive
 * authentication too, so a bad token on any path (even an open one) is answered the same way.
 */
@ApplicationScoped
public class ProblemMapper {

    private static final Logger LOG = Logger.getLogger(ProblemMapper.class);

    private final String retryAfterSeconds;

    public ProblemMapper(@ConfigProperty(name = "kyc.overload.retry-after-seconds", defaultValue = "1")
                         int retryAfterSeconds) {
        this.retryAfterSeconds = String.valueOf(retryAfterSeconds);
    }

    // Refusals that carry their own problem: bad parameters, access refused, an operation already running.
    @ServerExceptionMapper
    public Response problem(ProblemException e) {
        return e.problem().toResponse();
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e) {
        Response.Status status = Response.Status.fromStatusCode(e.getResponse().getStatus());
        if (status == null) {
            return e.getResponse();
        }
        String slug = status.getReasonPhrase().toLowerCase().replace(' ', '-');
        return Problem.of(status, slug, status.getReasonPhrase()).toResponse();
    }

    // No bearer token (or another scheme) on an endpoint that needs one.
    @ServerExceptionMapper
    public Response unauthenticated(UnauthorizedException e) {
        return challenge("Bearer", "unauthorized", "A bearer token is required.");
    }

    // A token was sent and refused. Why (expired, forged, unknown key) stays in the server's debug
    // log: telling a caller which check failed helps a forger more than an integrator.
    @ServerExceptionMapper
    public Response invalidToken(AuthenticationFailedException e) {
        return challenge("Bearer error=\"invalid_token\"", "invalid-token",
                "The bearer token is invalid or expired, or its signing key is not trusted.");
    }

    // @RolesAllowed refusals: a valid token without the group the endpoint needs. Names the request refused.
    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, ContainerRequestContext request) {
        return Problem.forbidden("This token's groups do not allow " + request.getMethod() + " "
                + request.getUriInfo().getRequestUri().getRawPath() + ".").toResponse();
    }

    @ServerExceptionMapper
    public Response backlogFull(BacklogFullException e) {
        return overloaded();
    }

    @ServerExceptionMapper
    public Response unexpected(Exception e) {
        LOG.errorf("request failed: %s", LogSafe.failure(e));
        return unavailable();
    }

    /** A request refused by a full backlog: {@code 503} with {@code Retry-After}, at once; nothing of it was kept. */
    public Response overloaded() {
        Problem problem = Problem.of(Status.SERVICE_UNAVAILABLE, "overloaded",
                "Too many requests are waiting; this one was not processed and nothing was recorded. "
                        + "Retry after " + retryAfterSeconds + " s.");
        return retryLater(problem, retryAfterSeconds);
    }

    /** The answer to a fault that a retry may not meet: the database down, a timeout. */
    public static Response unavailable() {
        Problem problem = Problem.of(Response.Status.SERVICE_UNAVAILABLE, "unavailable",
                "The service could not complete the request; nothing was recorded. Retry later.");
        return retryLater(problem, "5");
    }

    private static Response retryLater(Problem problem, String seconds) {
        return Response.status(Status.SERVICE_UNAVAILABLE).type(Problem.MEDIA_TYPE)
                .header(HttpHeaders.RETRY_AFTER, seconds).entity(problem).build();
    }

    private static Response challenge(String challenge, String slug, String detail) {
        return Response.fromResponse(Problem.of(Status.UNAUTHORIZED, slug, detail).toResponse())
                .header(HttpHeaders.WWW_AUTHENTICATE, challenge).build();
    }
}
