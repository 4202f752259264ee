package com.example.kyc.query;

import com.example.kyc.http.Problems;
import com.example.kyc.security.Caller;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** The view the frontend polls: may this user open an account, and what should they do next. */
@Path("/users/{uid}/kyc")
@Authenticated
public class UserKycResource {

    private final KycQueries queries;
    private final Caller caller;
    private final Clock clock;

    public UserKycResource(KycQueries queries, Caller caller, Clock clock) {
        this.queries = queries;
        this.caller = caller;
        this.clock = clock;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Uni<Response> view(@PathParam("uid") String uid,
                              @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        Optional<UUID> userId = Uuids.parse(uid);
        if (userId.isEmpty()) {
            return Uni.createFrom().item(Problems.notAUuid("uid"));
        }
        if (!caller.mayActFor(userId.get())) {
            return Uni.createFrom().item(Problems.forbidden());
        }
        Instant now = clock.instant();
        if (ifNoneMatch == null) {
            return fullView(userId.get(), now);
        }
        // A poll of an unchanged view costs one small row read and no JSON.
        return queries.etag(userId.get(), now).flatMap(etag -> KycETag.matches(ifNoneMatch, etag)
                ? Uni.createFrom().item(Response.notModified().header(HttpHeaders.ETAG, etag).build())
                : fullView(userId.get(), now));
    }

    private Uni<Response> fullView(UUID userId, Instant now) {
        return queries.user(userId).map(user -> Response.ok(user.toResponse(now))
                .header(HttpHeaders.ETAG, user.etag(now))
                .header(HttpHeaders.CACHE_CONTROL, "no-cache")
                .build());
    }
}
