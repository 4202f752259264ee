package dev.kycevents.overload;

import dev.kycevents.http.Problem;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Response.Status;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** The answer to a request refused by a full {@link Backlog}: {@code 503} with {@code Retry-After}, at once. */
@ApplicationScoped
public class OverloadAnswer {

    private final String retryAfterSeconds;

    public OverloadAnswer(@ConfigProperty(name = "kyc.overload.retry-after-seconds", defaultValue = "1")
                          int retryAfterSeconds) {
        this.retryAfterSeconds = String.valueOf(retryAfterSeconds);
    }

    @ServerExceptionMapper
    public Response response(BacklogFullException e) {
        Problem problem = Problem.of(Status.SERVICE_UNAVAILABLE, "overloaded",
                "Too many requests are waiting; this one was not processed and nothing was recorded. "
                        + "Retry after " + retryAfterSeconds + " s.");
        return Response.status(Status.SERVICE_UNAVAILABLE).type(Problem.MEDIA_TYPE)
                .header(HttpHeaders.RETRY_AFTER, retryAfterSeconds).entity(problem).build();
    }
}
