package dev.kycevents.verification;

import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** Ralio's account API, as far as this service uses it. Base URL and timeouts: {@code quarkus.rest-client.ralio-api.*}. */
@RegisterRestClient(configKey = "ralio-api")
@Path("/api/v1/account/users")
public interface RalioApi {

    /**
     * Creates an IDV session for the user. The answer is taken as text so that {@link RalioSession#parse}
     * alone decides what a valid answer is (Jackson binding would coerce a number into hostedUrl).
     */
    @POST
    @Path("/{uid}/identity-verifications")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    Uni<String> createSession(@PathParam("uid") UUID uid,
                              @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
                              String body);
}
