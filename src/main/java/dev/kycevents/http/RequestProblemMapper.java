package dev.kycevents.http;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Response.Status;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Refusals raised before or while reading a request's parameters, as problem+json. The two 401s
 * replace Quarkus's own empty-bodied challenges; they run for proactive authentication too, so a
 * bad token on any path (even an open one) is answered the same way.
 */
public class RequestProblemMapper {

    @ServerExceptionMapper
    public Response invalidParameter(InvalidParameterException e) {
        return Problem.of(Status.BAD_REQUEST, "invalid-parameter", e.getMessage()).withField(e.parameter())
                .toResponse();
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
        return Problems.forbidden("This token's groups do not allow " + request.getMethod() + " "
                + request.getUriInfo().getRequestUri().getRawPath() + ".");
    }

    private static Response challenge(String challenge, String slug, String detail) {
        return Response.fromResponse(Problem.of(Status.UNAUTHORIZED, slug, detail).toResponse())
                .header(HttpHeaders.WWW_AUTHENTICATE, challenge).build();
    }
}
