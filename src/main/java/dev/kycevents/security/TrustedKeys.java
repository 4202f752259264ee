package dev.kycevents.security;

import dev.kycevents.http.LogSafe;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.jwt.util.ResourceUtils;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * The keys bearer tokens may be signed with, from {@code mp.jwt.verify.publickey.location}. A file
 * or classpath resource (PEM or JWKS) is read once at start, and a key the service cannot read stops
 * the start. An http(s) URL is a JWKS that the identity provider rotates: it is fetched at start,
 * every {@code kyc.security.jwks.refresh-interval}, and at once when a token names an unknown key
 * id (at most once per {@code kyc.security.jwks.forced-refresh-interval}). Fetches never run on an
 * event loop; its cache headers are ignored, so rotation takes effect within the interval whatever
 * the provider says. When the provider cannot be reached, the last keys fetched stay trusted.
 */
@ApplicationScoped
public class TrustedKeys {

    private static final Logger LOG = Logger.getLogger(TrustedKeys.class);
    private static final Duration FETCH_TIMEOUT = Duration.ofSeconds(10);

    private final String location;
    private final Duration refreshInterval;
    private final RefreshGate gate;
    private final Vertx vertx;
    private final AtomicReference<KeySet> current = new AtomicReference<>(KeySet.EMPTY);
    private final AtomicBoolean fetching = new AtomicBoolean();
    private final List<Runnable> onKeyRemoved = new CopyOnWriteArrayList<>();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(FETCH_TIMEOUT)
            .followRedirects(HttpClient.Redirect.NORMAL).build();
    private long timer = -1;

    public TrustedKeys(@ConfigProperty(name = "mp.jwt.verify.publickey.location") Optional<String> location,
                       Vertx vertx,
                       @ConfigProperty(name = "kyc.security.jwks.refresh-interval", defaultValue = "PT1M")
                       Duration refreshInterval,
                       @ConfigProperty(name = "kyc.security.jwks.forced-refresh-interval", defaultValue = "PT10S")
                       Duration forcedRefreshInterval) {
        if (refreshInterval.isNegative() || refreshInterval.isZero() || forcedRefreshInterval.isNegative()) {
            throw new IllegalArgumentException("KYC_SECURITY_JWKS_REFRESH_INTERVAL must be positive and "
                    + "KYC_SECURITY_JWKS_FORCED_REFRESH_INTERVAL not negative");
        }
        this.location = location.map(String::strip).filter(l -> !l.isEmpty()).orElse(null);
        this.refreshInterval = refreshInterval;
        this.gate = new RefreshGate(forcedRefreshInterval.toMillis());
        this.vertx = vertx;
    }

    /** Whether the service resolves keys itself; without a location, SmallRye JWT's own settings apply. */
    public boolean managed() {
        return location != null;
    }

    public KeySet current() {
        return current.get();
    }

    /** Runs {@code action} whenever a refresh withdraws a key (so tokens verified with it are checked again). */
    public void whenKeyRemoved(Runnable action) {
        onKeyRemoved.add(action);
    }

    /** Whether tokens can be verified now: keys are held, or SmallRye JWT resolves them itself. */
    public boolean hasKeys() {
        return !managed() || !current().keys().isEmpty();
    }

    /**
     * The provider may have keys the current set lacks (a token named an unknown key id, or none was ever
     * fetched): fetch now, at most once per forced-refresh interval.
     */
    public void refreshSoon() {
        if (remote() && allowedNow()) {
            fetch();
        }
    }

    void start(@Observes StartupEvent started) throws IOException, InterruptedException {
        if (!managed()) {
            return;
        }
        if (!remote()) {
            current.set(readLocal());
            return;
        }
        gate.fetched(System.currentTimeMillis());
        try {
            fetch().get(FETCH_TIMEOUT.toMillis() + 1000, TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
            // logged by fetch: the service starts, refuses tokens until a fetch succeeds, and keeps trying
        }
        timer = vertx.setPeriodic(refreshInterval.toMillis(), id -> {
            synchronized (gate) {
                gate.fetched(System.currentTimeMillis());
            }
            fetch();
        });
    }

    private KeySet readLocal() throws IOException {
        String content = ResourceUtils.readResource(location);
        if (content == null) {
            throw new IllegalStateException("MP_JWT_VERIFY_PUBLICKEY_LOCATION: nothing found at " + location);
        }
        try {
            return KeyContent.parse(content);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("MP_JWT_VERIFY_PUBLICKEY_LOCATION: " + location + " is " + e.getMessage(), e);
        }
    }

    void stop(@Observes ShutdownEvent stopping) {
        if (timer != -1) {
            vertx.cancelTimer(timer);
        }
    }

    private boolean remote() {
        return location != null && (location.startsWith("https://") || location.startsWith("http://"));
    }

    private boolean allowedNow() {
        synchronized (gate) {
            return gate.tryUnknownKey(System.currentTimeMillis());
        }
    }

    private CompletableFuture<Void> fetch() {
        if (!fetching.compareAndSet(false, true)) {
            return CompletableFuture.completedFuture(null);
        }
        HttpRequest request = HttpRequest.newBuilder(URI.create(location)).timeout(FETCH_TIMEOUT)
                .header("Accept", "application/json").GET().build();
        return http.sendAsync(request, HttpResponse.BodyHandlers.ofString())
                .thenAccept(response -> {
                    if (response.statusCode() != 200) {
                        throw new IllegalStateException("status " + response.statusCode());
                    }
                    replace(KeyContent.jwks(response.body()));
                })
                .whenComplete((done, failure) -> {
                    fetching.set(false);
                    if (failure != null) {
                        Throwable cause = failure.getCause() != null ? failure.getCause() : failure;
                        LOG.warnf("JWKS %s could not be fetched (%s); the %d keys fetched before stay trusted",
                                location, LogSafe.text(String.valueOf(cause.getMessage())), current().keys().size());
                    }
                });
    }

    private void replace(KeySet next) {
        KeySet previous = current.getAndSet(next);
        if (previous.losesKeysIn(next)) {
            onKeyRemoved.forEach(Runnable::run);
        }
        if (!previous.equals(next)) {
            LOG.infof("JWKS %s: %d signing keys, kids %s", location, next.keys().size(), LogSafe.text(
                    next.keys().stream().map(TrustedKey::kid).map(String::valueOf).collect(Collectors.joining(","))));
        }
    }
}
