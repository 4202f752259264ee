package com.example.kyc.query;

import com.example.kyc.http.Problems;
import com.example.kyc.security.Caller;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Optional;
import java.util.UUID;

/** One verification session, for its user or the company's backend. */
@Path("/sessions/{sessionId}")
@Authenticated
public class SessionResource {

    private final KycQueries queries;
    private final Caller caller;

    public SessionResource(KycQueries queries, Caller caller) {
        this.queries = queries;
        this.caller = caller;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Uni<Response> session(@PathParam("sessionId") String sessionId) {
        Optional<UUID> id = Uuids.parse(sessionId);
        if (id.isEmpty()) {
            return Uni.createFrom().item(Problems.notAUuid("sessionId"));
        }
        return queries.session(id.get()).map(view -> {
            if (view == null) {
                return Problems.notFound("No session " + id.get() + " is known.");
            }
            if (!caller.mayActFor(view.userId())) {
                return Problems.forbidden();
            }
            return Response.ok(SessionResponse.of(view)).build();
        });
    }
}
