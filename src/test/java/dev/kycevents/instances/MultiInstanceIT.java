package dev.kycevents.instances;

import static dev.kycevents.support.Webhooks.httpRequest;
import static dev.kycevents.support.Webhooks.levelEvent;
import static dev.kycevents.support.Webhooks.sessionEvent;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kycevents.event.EventParser;
import dev.kycevents.event.RecordedEvent;
import dev.kycevents.event.SessionEvent;
import dev.kycevents.projection.level.LevelFold;
import dev.kycevents.projection.level.LevelView;
import dev.kycevents.projection.session.SessionFold;
import dev.kycevents.projection.session.SessionView;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Three instances of the packaged service on one PostgreSQL, one webhook load split across them,
 * with some events delivered to two instances at the same moment: every event is stored exactly
 * once, a reader paging the log by position never sees a gap, and the read models equal a fold of
 * the stored events. Then, as in a rolling deployment, one instance gets SIGTERM under load: whatever
 * it answered 2xx is in the store, the rest Ralio may retry (one test, so the instances start once).
 */
class MultiInstanceIT {

    static final int USERS = 300;

    @Test
    void three_instances_store_each_event_once_without_gaps_keep_the_views_right_and_one_stops_losing_nothing() throws Exception {
        // All three start at once, as after a deployment: one runs the migrations, the others wait for its lock.
        try (ItDatabase db = ItDatabase.start();
             ServiceProcess a = ServiceProcess.start("multi-0", db);
             ServiceProcess b = ServiceProcess.start("multi-1", db);
             ServiceProcess c = ServiceProcess.start("multi-2", db)) {
            a.awaitReady(Duration.ofSeconds(90));
            b.awaitReady(Duration.ofSeconds(90));
            c.awaitReady(Duration.ofSeconds(90));
            List<ServiceProcess> instances = List.of(a, b, c);
            List<byte[]> bodies = histories(new Random(11));

            GapWatcher watcher = new GapWatcher(db);
            watcher.start();
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            Semaphore inFlight = new Semaphore(48);
            List<CompletableFuture<HttpResponse<String>>> firsts = new ArrayList<>();
            List<CompletableFuture<HttpResponse<String>>> seconds = new ArrayList<>();
            for (int i = 0; i < bodies.size(); i++) {
                firsts.add(send(http, inFlight, instances.get(i % 3), bodies.get(i)));
                // Every tenth event also reaches a second instance at the same moment.
                seconds.add(i % 10 == 0 ? send(http, inFlight, instances.get((i + 1) % 3), bodies.get(i)) : null);
            }
            for (int i = 0; i < bodies.size(); i++) {
                HttpResponse<String> first = firsts.get(i).get();
                assertEquals(200, first.statusCode(), first.body());
                if (seconds.get(i) != null) {
                    HttpResponse<String> second = seconds.get(i).get();
                    assertEquals(200, second.statusCode(), second.body());
                    assertTrue(first.body().contains("\"duplicate\":true") ^ second.body().contains("\"duplicate\":true"),
                            "exactly one of two simultaneous deliveries is the first");
                }
            }
            watcher.stopAndCheck();

            assertEquals(bodies.size(), db.count("SELECT count(*) FROM events"), "each event stored once");
            assertEquals(bodies.size(), db.count("SELECT count(DISTINCT event_id) FROM events"));
            assertEquals(bodies.size(), db.count("SELECT max(position) FROM events"), "positions have no holes");
            assertEquals(bodies.size(), watcher.seen(), "the reader saw every event");
            assertViewsEqualAFoldOfTheEvents(db);

            stoppedUnderLoadLosesNothingItAccepted(db, c, http);
        }
    }

    static void stoppedUnderLoadLosesNothingItAccepted(ItDatabase db, ServiceProcess instance, HttpClient http)
            throws Exception {
        Map<UUID, CompletableFuture<Integer>> sent = new ConcurrentHashMap<>();
        Semaphore inFlight = new Semaphore(64);
        Thread load = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                UUID event = UUID.randomUUID();
                byte[] body = levelEvent(event, UUID.randomUUID(), Instant.now(), "REGULAR")
                        .getBytes(StandardCharsets.UTF_8);
                try {
                    inFlight.acquire();
                } catch (InterruptedException e) {
                    return;
                }
                sent.put(event, http.sendAsync(httpRequest(instance.uri("/webhooks/ralio"), body),
                                HttpResponse.BodyHandlers.discarding())
                        .handle((response, error) -> error == null ? response.statusCode() : -1)
                        .whenComplete((status, error) -> inFlight.release()));
            }
        });
        load.start();
        Thread.sleep(2000);
        instance.terminate(Duration.ofSeconds(30));
        load.interrupt();
        load.join();

        List<UUID> accepted = sent.entrySet().stream().filter(e -> e.getValue().join() / 100 == 2)
                .map(Map.Entry::getKey).collect(Collectors.toList());
        assertTrue(accepted.size() > 100, "the load really ran: " + accepted.size());
        String ids = accepted.stream().map(id -> "'" + id + "'").collect(Collectors.joining(","));
        assertEquals(accepted.size(), db.count("SELECT count(*) FROM events WHERE event_id IN (" + ids + ")"),
                "every event answered 2xx by the stopped instance is stored");
    }

    static CompletableFuture<HttpResponse<String>> send(HttpClient http, Semaphore inFlight, ServiceProcess to,
                                                        byte[] body) throws InterruptedException {
        inFlight.acquire();
        return http.sendAsync(httpRequest(to.uri("/webhooks/ralio"), body), HttpResponse.BodyHandlers.ofString())
                .whenComplete((response, error) -> inFlight.release());
    }

    /** Realistic histories (review, approval, level update; rejection then a second session), shuffled. */
    static List<byte[]> histories(Random random) {
        List<String> bodies = new ArrayList<>();
        Instant t = Instant.parse("2025-06-01T00:00:00Z");
        for (int n = 0; n < USERS; n++) {
            UUID user = UUID.randomUUID();
            UUID first = UUID.randomUUID();
            if (n % 3 == 0) {
                bodies.add(sessionEvent("kyc_session_failed", UUID.randomUUID(), user, first, t));
                first = UUID.randomUUID();
            }
            bodies.add(sessionEvent("kyc_session_manual_review", UUID.randomUUID(), user, first, t.plusSeconds(60)));
            bodies.add(sessionEvent("kyc_session_verified", UUID.randomUUID(), user, first, t.plusSeconds(120)));
            bodies.add(levelEvent(UUID.randomUUID(), user, t.plusSeconds(121), "REGULAR"));
            t = t.plusSeconds(1);
        }
        Collections.shuffle(bodies, random);
        return bodies.stream().map(s -> s.getBytes(StandardCharsets.UTF_8)).toList();
    }

    static void assertViewsEqualAFoldOfTheEvents(ItDatabase db) throws Exception {
        List<RecordedEvent> events = new ArrayList<>();
        for (List<String> row : db.rows("SELECT position, payload::text FROM events ORDER BY position")) {
            events.add(new RecordedEvent(Long.parseLong(row.get(0)), Instant.EPOCH,
                    EventParser.decodeStored(row.get(1)).event()));
        }
        Map<UUID, List<RecordedEvent>> bySession = events.stream().filter(r -> r.event() instanceof SessionEvent)
                .collect(Collectors.groupingBy(r -> ((SessionEvent) r.event()).session()));
        Set<String> expectedSessions = new TreeSet<>();
        bySession.forEach((session, history) -> {
            SessionView view = SessionFold.fold(session, history.get(0).event().userId(), history);
            expectedSessions.add(session + " " + view.state() + " " + view.eventCount());
        });
        Set<String> expectedLevels = new TreeSet<>();
        events.stream().collect(Collectors.groupingBy(r -> r.event().userId())).forEach((user, history) -> {
            LevelView view = LevelFold.fold(user, history);
            expectedLevels.add(user + " " + view.level() + " " + view.version());
        });
        assertEquals(expectedSessions, new TreeSet<>(db.rows("SELECT session_id, state, event_count FROM session_view")
                .stream().map(r -> String.join(" ", r)).toList()));
        assertEquals(expectedLevels, new TreeSet<>(db.rows("SELECT user_id, level, version FROM kyc_level_view")
                .stream().map(r -> String.join(" ", r)).toList()));
    }

    /** Pages through the log by position while the load runs, failing on the first gap it would skip. */
    static final class GapWatcher extends Thread {
        private final ItDatabase db;
        private final AtomicReference<String> failure = new AtomicReference<>();
        private volatile boolean stopping;
        private long last;

        GapWatcher(ItDatabase db) {
            this.db = db;
            setDaemon(true);
        }

        @Override
        public void run() {
            try (Connection connection = db.connect();
                 PreparedStatement after = connection.prepareStatement(
                         "SELECT position FROM events WHERE position > ? ORDER BY position")) {
                boolean finalPass = false;
                while (!finalPass) {
                    finalPass = stopping;
                    after.setLong(1, last);
                    try (ResultSet rows = after.executeQuery()) {
                        while (rows.next()) {
                            long position = rows.getLong(1);
                            if (position != last + 1) {
                                failure.set("read " + position + " right after " + last);
                                return;
                            }
                            last = position;
                        }
                    }
                    // Leaves the two cores to the instances; a read every few milliseconds still sees each commit.
                    Thread.sleep(2);
                }
            } catch (Exception e) {
                failure.set(e.toString());
            }
        }

        void stopAndCheck() throws InterruptedException {
            stopping = true;
            join(30_000);
            assertEquals(null, failure.get(), "the reader never skips a position");
        }

        long seen() {
            return last;
        }
    }
}
