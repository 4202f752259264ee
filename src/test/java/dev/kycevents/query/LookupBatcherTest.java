package dev.kycevents.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.kycevents.overload.Backlog;
import dev.kycevents.overload.BacklogFullException;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.subscription.UniEmitter;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The coalescing itself, on a real Vert.x event loop, with a query the test answers by hand. */
class LookupBatcherTest {

    Vertx vertx;
    Context loop;
    final List<List<String>> queries = new CopyOnWriteArrayList<>();
    final List<UniEmitter<? super Map<String, String>>> running = new CopyOnWriteArrayList<>();
    final Backlog backlog = new Backlog("query", 5);
    final LookupBatcher<String, String> batcher = new LookupBatcher<>(keys -> Uni.createFrom().emitter(emitter -> {
        queries.add(keys);
        running.add(emitter);
    }), 1, backlog);

    @BeforeEach
    void start() {
        vertx = Vertx.vertx();
        loop = vertx.getOrCreateContext();
    }

    @AfterEach
    void stop() throws Exception {
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    record Answer(String value, Thread thread) {
    }

    CompletableFuture<Answer> ask(String key) throws Exception {
        CompletableFuture<Answer> answer = new CompletableFuture<>();
        loop.runOnContext(ignored -> batcher.get(key).subscribe().with(
                value -> answer.complete(new Answer(value, Thread.currentThread())), answer::completeExceptionally));
        settle();
        return answer;
    }

    // Everything queued on the event loop so far has run.
    void settle() throws Exception {
        CompletableFuture<Void> done = new CompletableFuture<>();
        loop.runOnContext(ignored -> done.complete(null));
        done.get(5, TimeUnit.SECONDS);
    }

    Thread loopThread() throws Exception {
        CompletableFuture<Thread> thread = new CompletableFuture<>();
        loop.runOnContext(ignored -> thread.complete(Thread.currentThread()));
        return thread.get(5, TimeUnit.SECONDS);
    }

    static <T> T now(CompletableFuture<T> future) throws Exception {
        return future.get(5, TimeUnit.SECONDS);
    }

    @Test
    void keys_asked_while_a_query_runs_go_together_in_the_next_one() throws Exception {
        CompletableFuture<Answer> a = ask("a");
        assertEquals(List.of(List.of("a")), queries);

        CompletableFuture<Answer> b = ask("b");
        CompletableFuture<Answer> c = ask("c");
        CompletableFuture<Answer> c2 = ask("c");
        CompletableFuture<Answer> a2 = ask("a");
        assertEquals(1, queries.size(), "nobody joins a query already sent");
        assertFalse(b.isDone());

        running.get(0).complete(Map.of("a", "A1")); // answered off the loop: the batcher hops back
        assertEquals("A1", now(a).value());
        settle();
        assertEquals(List.of("b", "c", "a"), queries.get(1), "one query, each key once");

        running.get(1).complete(Map.of("a", "A2", "b", "B", "c", "C"));
        assertEquals("B", now(b).value());
        assertEquals("C", now(c).value());
        assertEquals("C", now(c2).value());
        assertEquals("A2", now(a2).value(), "a key asked after a query was sent gets a fresher answer");
        Thread thread = loopThread();
        for (CompletableFuture<Answer> answer : List.of(a, b, c, c2, a2)) {
            assertSame(thread, now(answer).thread(), "answered on the asker's event loop");
        }
    }

    @Test
    void a_key_the_query_does_not_find_gets_null() throws Exception {
        CompletableFuture<Answer> missing = ask("missing");
        running.get(0).complete(Map.of());
        assertNull(now(missing).value());
    }

    @Test
    void a_failed_query_fails_its_own_batch_and_the_next_one_is_still_sent() throws Exception {
        CompletableFuture<Answer> first = ask("a");
        CompletableFuture<Answer> waiting = ask("b");
        running.get(0).fail(new IllegalStateException("database down"));

        ExecutionException failure = assertThrows(ExecutionException.class, () -> now(first));
        assertEquals("database down", failure.getCause().getMessage());
        settle();
        assertEquals(List.of("b"), queries.get(1));
        running.get(1).complete(Map.of("b", "B"));
        assertEquals("B", now(waiting).value());
    }

    @Test
    void a_query_that_throws_fails_its_callers_instead_of_blocking_the_lane() throws Exception {
        LookupBatcher<String, String> broken = new LookupBatcher<>(keys -> {
            throw new IllegalStateException("bad SQL");
        }, 1, backlog);
        for (int i = 0; i < 2; i++) {
            CompletableFuture<String> answer = new CompletableFuture<>();
            loop.runOnContext(ignored -> broken.get("k").subscribe().with(answer::complete, answer::completeExceptionally));
            assertEquals("bad SQL", assertThrows(ExecutionException.class, () -> now(answer)).getCause().getMessage());
        }
    }

    @Test
    void callers_off_the_event_loop_query_alone() throws Exception {
        CompletableFuture<String> x = batcher.get("x").subscribeAsCompletionStage();
        CompletableFuture<String> y = batcher.get("y").subscribeAsCompletionStage();
        assertEquals(List.of(List.of("x"), List.of("y")), queries);
        running.get(0).complete(Map.of("x", "X"));
        running.get(1).complete(Map.of("y", "Y"));
        assertEquals("X", now(x));
        assertEquals("Y", now(y));
    }

    @Test
    void past_the_backlog_a_lookup_fails_at_once_and_answered_ones_free_their_place() throws Exception {
        CompletableFuture<Answer> running1 = ask("a");
        CompletableFuture<Answer> waiting1 = ask("b");
        CompletableFuture<Answer> waiting2 = ask("c");
        CompletableFuture<Answer> waiting3 = ask("c");
        CompletableFuture<Answer> waiting4 = ask("e");
        CompletableFuture<Answer> refused = ask("d");

        ExecutionException failure = assertThrows(ExecutionException.class, () -> now(refused));
        assertEquals(BacklogFullException.class, failure.getCause().getClass());
        assertEquals(List.of(List.of("a")), queries, "a refused key is never queried");
        assertEquals(5, backlog.waiting());
        assertEquals(1, backlog.refused());

        running.get(0).complete(Map.of("a", "A"));
        assertEquals("A", now(running1).value());
        settle();
        running.get(1).fail(new IllegalStateException("database down"));
        assertThrows(ExecutionException.class, () -> now(waiting1));
        assertThrows(ExecutionException.class, () -> now(waiting2));
        assertThrows(ExecutionException.class, () -> now(waiting3));
        assertThrows(ExecutionException.class, () -> now(waiting4));
        settle();
        assertEquals(0, backlog.waiting(), "answers and failures both give their place back");

        CompletableFuture<Answer> later = ask("d");
        running.get(2).complete(Map.of("d", "D"));
        assertEquals("D", now(later).value());
    }
}
