package dev.kycevents.store;

import static dev.kycevents.support.Webhooks.httpRequest;
import static dev.kycevents.support.Webhooks.levelEvent;
import static dev.kycevents.support.Webhooks.sessionEvent;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.kycevents.event.EventParser;
import dev.kycevents.ingest.EventAppender;
import dev.kycevents.metrics.KycMetrics;
import dev.kycevents.projection.Projector;
import dev.kycevents.retention.RetentionViewTable;
import dev.kycevents.projection.level.LevelViewTable;
import dev.kycevents.projection.session.SessionViewTable;
import dev.kycevents.support.Db;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.pgclient.PgPool;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.PoolOptions;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * The known gap problem of PostgreSQL event stores: with a plain sequence, a transaction that took
 * position 11 may commit after one that took 12, so a reader that saw 12 skips 11 forever. Here
 * two writers that share nothing but the database (the HTTP endpoint, and a second appender on its
 * own connection pool, as another instance would be) append concurrently while a reader pages by
 * position: every page must continue exactly where the last one stopped.
 */
@QuarkusTest
class PositionOrderTest {

    static final int PER_WRITER = 150;

    @TestHTTPResource("/webhooks/ralio")
    URI endpoint;
    @Inject
    Pool pool;
    @Inject
    Vertx vertx;
    @Inject
    ObjectMapper mapper;
    @Inject
    EventStore store;
    @Inject
    KycMetrics metrics;
    @ConfigProperty(name = "quarkus.datasource.reactive.url")
    String url;
    @ConfigProperty(name = "quarkus.datasource.username")
    String username;
    @ConfigProperty(name = "quarkus.datasource.password")
    Optional<String> password;

    @Test
    void a_reader_paging_by_position_never_misses_an_event_committed_by_a_concurrent_writer() throws Exception {
        Db db = new Db(pool);
        long start = db.count("SELECT coalesce(max(position), 0) FROM events");
        PgConnectOptions options = PgConnectOptions.fromUri(url.replaceFirst("^vertx-reactive:", "")).setUser(username);
        password.ifPresent(options::setPassword);
        Pool otherPool = PgPool.pool(vertx, options, new PoolOptions().setMaxSize(4));
        EventAppender otherInstance = new EventAppender(otherPool, store,
                new Projector(new SessionViewTable(mapper), new LevelViewTable(), metrics), new RetentionViewTable(),
                metrics);

        List<CompletableFuture<?>> writes = new ArrayList<>();
        HttpClient http = HttpClient.newHttpClient();
        for (int i = 0; i < PER_WRITER; i++) {
            byte[] viaHttp = sessionEvent("kyc_session_manual_review", UUID.randomUUID(), UUID.randomUUID(),
                    UUID.randomUUID(), Instant.now()).getBytes(StandardCharsets.UTF_8);
            writes.add(http.sendAsync(httpRequest(endpoint, viaHttp), HttpResponse.BodyHandlers.discarding()));
            byte[] direct = levelEvent(UUID.randomUUID(), UUID.randomUUID(), Instant.now(), "REGULAR")
                    .getBytes(StandardCharsets.UTF_8);
            EventParser.ParsedEvent parsed = EventParser.parseWebhook(direct);
            NewEvent event = new NewEvent(parsed.event(), parsed.payloadJson(), direct, "application/json",
                    EventSource.RALIO_WEBHOOK);
            writes.add(otherInstance.append(List.of(event)).subscribeAsCompletionStage());
        }
        CompletableFuture<Void> allWritten = CompletableFuture.allOf(writes.toArray(CompletableFuture[]::new));

        long last = start;
        long readerPages = 0;
        while (true) {
            boolean finished = allWritten.isDone();
            for (var row : db.rows("SELECT position FROM events WHERE position > $1 ORDER BY position", last)) {
                long position = row.getLong("position");
                assertEquals(last + 1, position, "the reader skipped a position that was filled in later");
                last = position;
            }
            readerPages++;
            if (finished) {
                break;
            }
        }
        allWritten.get();
        otherPool.close().await().atMost(Duration.ofSeconds(5));

        assertEquals(start + 2L * PER_WRITER, last, "every event was read");
        assertEquals(db.count("SELECT count(*) FROM events"), db.count("SELECT max(position) FROM events"),
                "positions have no holes");
        assertEquals(true, readerPages > 1);
    }

}
