package dev.kycevents.query;

import dev.kycevents.overload.Backlog;
import dev.kycevents.overload.BacklogFullException;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.subscription.UniEmitter;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Coalesces lookups by key, the read-side twin of the append path's group commit. While a query is
 * running, keys asked for on the same event loop wait and then go together in one query, so a
 * thousand polls cost a few dozen round trips instead of a thousand.
 *
 * <p>Freshness is kept: a key never joins a query already sent, so every answer comes from a query
 * started after it was asked, and a view read after a 2xx to Ralio shows that event.
 *
 * <p>Each event loop has a lane of its own that only its thread touches: no locks and no hop to
 * another thread. Callers off the event loop (workers, tests) query alone.
 *
 * <p>Waiting keys (queued or in a running query) are bounded by a {@link Backlog}, shared by the
 * lanes: past it a lookup fails at once with {@link BacklogFullException} instead of queueing.
 */
final class LookupBatcher<K, V> {

    private final Function<List<K>, Uni<Map<K, V>>> query;
    private final int maxInFlight;
    private final Backlog backlog;
    private final ThreadLocal<Lane> lanes = ThreadLocal.withInitial(Lane::new);

    /**
     * @param query       finds the values of distinct keys; a key it does not return gets null
     * @param maxInFlight queries one event loop may have running at once; more waiting keys queue
     * @param backlog     how many keys may wait on the event loops at once
     */
    LookupBatcher(Function<List<K>, Uni<Map<K, V>>> query, int maxInFlight, Backlog backlog) {
        if (maxInFlight < 1) {
            throw new IllegalArgumentException("maxInFlight must be at least 1");
        }
        this.query = query;
        this.maxInFlight = maxInFlight;
        this.backlog = backlog;
    }

    /** The value for the key (null when the query found none), answered on the caller's context. */
    Uni<V> get(K key) {
        return Uni.createFrom().emitter(emitter -> {
            Context context = Vertx.currentContext();
            if (context == null || !Context.isOnEventLoopThread()) {
                query.apply(List.of(key)).subscribe().with(found -> emitter.complete(found.get(key)), emitter::fail);
            } else {
                backlog.enter(); // throws when full: the emitter fails at once
                lanes.get().add(new Waiter<>(key, emitter, context, backlog));
            }
        });
    }

    private record Waiter<K, V>(K key, UniEmitter<? super V> emitter, Context context, Backlog backlog) {

        // On the waiter's own context, so its request carries on where it started.
        void complete(V value) {
            backlog.leave();
            context.runOnContext(ignored -> emitter.complete(value));
        }

        void fail(Throwable failure) {
            backlog.leave();
            context.runOnContext(ignored -> emitter.fail(failure));
        }
    }

    private final class Lane {

        private final Thread owner = Thread.currentThread();
        private List<Waiter<K, V>> waiting = new ArrayList<>();
        private int inFlight;

        void add(Waiter<K, V> waiter) {
            waiting.add(waiter);
            if (inFlight < maxInFlight) {
                send(waiter.context());
            }
        }

        private void send(Context context) {
            List<Waiter<K, V>> batch = waiting;
            waiting = new ArrayList<>();
            inFlight++;
            List<K> keys = batch.stream().map(Waiter::key).distinct().toList();
            Uni.createFrom().deferred(() -> query.apply(keys)).subscribe().with(
                    found -> onLane(context, () -> batch.forEach(w -> w.complete(found.get(w.key())))),
                    failure -> onLane(context, () -> batch.forEach(w -> w.fail(failure))));
        }

        // The reactive client answers on the context that asked, which is this lane's thread; the hop
        // is there in case a query ever answers elsewhere, since the lane is not thread-safe.
        private void onLane(Context context, Runnable answer) {
            Runnable finish = () -> {
                answer.run();
                inFlight--;
                if (!waiting.isEmpty() && inFlight < maxInFlight) {
                    send(waiting.get(0).context());
                }
            };
            if (Thread.currentThread() == owner) {
                finish.run();
            } else {
                context.runOnContext(ignored -> finish.run());
            }
        }
    }
}
