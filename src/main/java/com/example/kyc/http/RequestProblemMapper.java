package com.example.kyc.http;

import io.quarkus.security.ForbiddenException;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Response.Status;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Refusals raised before or while reading a request's parameters, as problem+json. */
public class RequestProblemMapper {

    @ServerExceptionMapper
    public Response invalidParameter(InvalidParameterException e) {
        return Problem.of(Status.BAD_REQUEST, "invalid-parameter", e.getMessage()).withField(e.parameter())
                .toResponse();
    }

    // @RolesAllowed refusals: a valid token without the group the endpoint needs. Names the request refused.
    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, ContainerRequestContext request) {
        return Problems.forbidden("This token's groups do not allow " + request.getMethod() + " "
                + request.getUriInfo().getRequestUri().getRawPath() + ".");
    }
}
