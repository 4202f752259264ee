package dev.kycevents.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.ws.rs.core.Response.Status;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * A body announced larger than {@code quarkus.http.limits.max-body-size} is answered 413 as a
 * problem, before a byte of it is read. Quarkus refuses it too, one step later (route order -2),
 * but with an empty body; this route runs just before it with the same limit and the same manner
 * (the connection closes once the answer is sent, so the rest of the body is never read).
 */
@ApplicationScoped
public class OversizedBodyProblem {

    private static final int BEFORE_QUARKUS_UPLOAD_LIMIT = -3;

    private final long limit;
    private final String body;

    public OversizedBodyProblem(@ConfigProperty(name = "quarkus.http.limits.max-body-size") MemorySize limit,
                                ObjectMapper json) throws JsonProcessingException {
        this.limit = limit.asLongValue();
        this.body = json.writeValueAsString(Problem.of(Status.REQUEST_ENTITY_TOO_LARGE, "body-too-large",
                "The body is over the limit of " + this.limit + " bytes."));
    }

    void register(@Observes Router router) {
        router.route().order(BEFORE_QUARKUS_UPLOAD_LIMIT).handler(this::check);
    }

    private void check(RoutingContext context) {
        // A client that asked to continue has sent no body yet, and some (Java 17's HttpClient) then
        // wait forever for a refused expectation's body: Quarkus's bodyless 413 suits it better.
        if (declaredLength(context) <= limit || context.request().headers().contains(HttpHeaders.EXPECT)) {
            context.next();
            return;
        }
        context.response().setStatusCode(Status.REQUEST_ENTITY_TOO_LARGE.getStatusCode())
                .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                .putHeader(HttpHeaders.CONNECTION, "close")
                .endHandler(done -> context.request().connection().close())
                .end(body);
    }

    private static long declaredLength(RoutingContext context) {
        String header = context.request().getHeader(HttpHeaders.CONTENT_LENGTH);
        if (header == null) {
            return -1;
        }
        try {
            return Long.parseLong(header.trim());
        } catch (NumberFormatException e) {
            return -1; // the HTTP codec and the body reader deal with a malformed length
        }
    }
}
