package dev.kycevents.devralio;

import dev.kycevents.event.Uuids;
import dev.kycevents.signature.StandardWebhooks;
import io.quarkus.arc.profile.IfBuildProfile;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * A stand-in for Ralio in dev mode: its own small HTTP server (port {@code kyc.dev.ralio-stand-in.port},
 * 8089) answers the create-session call with a hosted page where the developer picks what Ralio does,
 * then delivers the webhooks Ralio would send to this service, signed with the service's own secret.
 * Its own server, because the service's HTTP layer would take the API key Ralio is called with for a
 * bearer token of its own users. Built only into dev and test builds: a production build (prod profile)
 * leaves this class out, whatever the configuration says.
 */
@IfBuildProfile(anyOf = {"dev", "test"})
@ApplicationScoped
public class RalioStandIn {

    private static final Logger LOG = Logger.getLogger(RalioStandIn.class);
    private static final Duration SESSION_LIFETIME = Duration.ofDays(7);
    private static final Duration DELIVERY_TIMEOUT = Duration.ofSeconds(10);
    static final String CREATE_SESSION = "/api/v1/account/users/:uid/identity-verifications";

    /** Session id → user id; kept across dev-mode reloads, forgotten when the JVM stops. */
    private static final Map<UUID, UUID> SESSIONS = new ConcurrentHashMap<>();

    private final boolean enabled;
    private final int port;
    private final URI webhookUrl;
    private final Clock clock;
    private final Optional<String> secret;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(DELIVERY_TIMEOUT).build();
    private HttpServer server;

    RalioStandIn(@ConfigProperty(name = "kyc.dev.ralio-stand-in.enabled", defaultValue = "false") boolean enabled,
            @ConfigProperty(name = "kyc.dev.ralio-stand-in.port", defaultValue = "8089") int port,
            @ConfigProperty(name = "kyc.dev.ralio-stand-in.webhook-url") URI webhookUrl,
            // The service's own setting: the stand-in signs with the secret the service checks deliveries against.
            @ConfigProperty(name = "ralio.webhook.secrets") Optional<List<String>> secrets,
            Clock clock) {
        this.enabled = enabled;
        this.port = port;
        this.webhookUrl = webhookUrl;
        this.clock = clock;
        this.secret = secrets.filter(list -> !list.isEmpty()).map(list -> list.get(0).trim());
    }

    void start(@Observes StartupEvent started, Vertx vertx) {
        if (!enabled) {
            return;
        }
        if (secret.isEmpty()) {
            LOG.warn("Ralio stand-in not started: it signs webhooks with ralio.webhook.secrets, which is empty");
            return;
        }
        Router router = Router.router(vertx);
        router.post(CREATE_SESSION).handler(this::createSession);
        router.get("/sessions/:sessionId").handler(this::page);
        router.post("/sessions/:sessionId/outcome").handler(BodyHandler.create().setBodyLimit(4096)).handler(this::choose);
        // Started before the service takes requests, and failing loudly: a dev mode without it answers 502.
        server = vertx.createHttpServer().requestHandler(router).listen(port, "localhost")
                .toCompletionStage().toCompletableFuture().orTimeout(10, TimeUnit.SECONDS).join();
        LOG.infof("Ralio stand-in on http://localhost:%d (webhooks to %s)", server.actualPort(), webhookUrl);
    }

    // Dev-mode reloads start a new instance on the same port.
    void stop(@Observes ShutdownEvent stopping) {
        if (server != null) {
            server.close().toCompletionStage().toCompletableFuture().orTimeout(10, TimeUnit.SECONDS).join();
        }
    }

    /** Ralio's POST /api/v1/account/users/{uid}/identity-verifications. */
    private void createSession(RoutingContext request) {
        Optional<UUID> userId = Uuids.parse(request.pathParam("uid"));
        String authorization = request.request().getHeader("Authorization");
        if (authorization == null || !authorization.startsWith("Bearer ")) {
            request.response().setStatusCode(401).end();
            return;
        }
        if (userId.isEmpty()) {
            request.response().setStatusCode(400).end();
            return;
        }
        UUID sessionId = UUID.randomUUID();
        SESSIONS.put(sessionId, userId.get());
        JsonObject session = new JsonObject().put("id", sessionId.toString())
                .put("hostedUrl", "http://" + request.request().authority() + "/sessions/" + sessionId)
                .put("expiresAt", clock.instant().plus(SESSION_LIFETIME).toString());
        request.response().putHeader("Content-Type", "application/json").end(session.encode());
    }

    /** The hosted verification page. */
    private void page(RoutingContext request) {
        Optional<UUID> sessionId = Uuids.parse(request.pathParam("sessionId"));
        UUID userId = sessionId.map(SESSIONS::get).orElse(null);
        if (userId == null) {
            html(request, 404, StandInPages.unknownSession(request.pathParam("sessionId")));
            return;
        }
        html(request, 200, StandInPages.session(sessionId.get(), userId));
    }

    /** The developer's choice: sends the webhooks one after the other and shows how the service answered. */
    private void choose(RoutingContext request) {
        Optional<UUID> sessionId = Uuids.parse(request.pathParam("sessionId"));
        UUID userId = sessionId.map(SESSIONS::get).orElse(null);
        if (userId == null) {
            html(request, 404, StandInPages.unknownSession(request.pathParam("sessionId")));
            return;
        }
        Optional<Outcome> outcome = Outcome.fromForm(request.request().getFormAttribute("outcome"));
        if (outcome.isEmpty()) {
            html(request, 400, StandInPages.badChoice());
            return;
        }
        Refusal refusal = Refusal.fromForm(request.request().getFormAttribute("reason")).orElse(Refusal.DOCUMENT_EXPIRED);
        List<String> bodies = StandInEvents.bodies(outcome.get(), refusal, sessionId.get(), userId, clock.instant());
        Context context = Vertx.currentContext();
        deliverInOrder(bodies).whenComplete((deliveries, failure) -> context.runOnContext(ignored ->
                html(request, 200, StandInPages.delivered(sessionId.get(), userId, webhookUrl, deliveries))));
    }

    private CompletableFuture<List<String>> deliverInOrder(List<String> bodies) {
        CompletableFuture<List<String>> done = CompletableFuture.completedFuture(new ArrayList<>());
        for (String body : bodies) {
            done = done.thenCompose(results -> deliver(body).thenApply(result -> {
                results.add(result);
                return results;
            }));
        }
        return done;
    }

    private CompletableFuture<String> deliver(String body) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        String id = "msg_" + UUID.randomUUID().toString().replace("-", "");
        long timestamp = clock.instant().getEpochSecond();
        String type = new JsonObject(body).getString("event");
        HttpRequest request = HttpRequest.newBuilder(webhookUrl).timeout(DELIVERY_TIMEOUT)
                .header("Content-Type", "application/json")
                .header("webhook-id", id)
                .header("webhook-timestamp", Long.toString(timestamp))
                .header("webhook-signature", StandardWebhooks.sign(secret.orElseThrow(), id, timestamp, bytes))
                .POST(HttpRequest.BodyPublishers.ofByteArray(bytes)).build();
        return http.sendAsync(request, HttpResponse.BodyHandlers.discarding())
                .handle((response, failure) -> type + " → " + (failure == null
                        ? "HTTP " + response.statusCode()
                        : "not delivered: " + failure.getClass().getSimpleName()));
    }

    private static void html(RoutingContext request, int status, String page) {
        request.response().setStatusCode(status).putHeader("Content-Type", "text/html; charset=utf-8").end(page);
    }

}
