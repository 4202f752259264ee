package dev.kycevents.ingest;

import dev.kycevents.metrics.KycMetrics;
import dev.kycevents.overload.Backlog;
import dev.kycevents.overload.BacklogFullException;
import dev.kycevents.store.AppendOutcome;
import dev.kycevents.store.NewEvent;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.subscription.UniEmitter;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Group commit. Appends are serialised by the log-head lock, so one transaction per event would
 * cap throughput at one commit at a time. Instead, while one batch commits, new events queue up
 * and go together in the next transaction. Each caller still hears back only after its own
 * event's batch has committed.
 *
 * <p>The events waiting (queued or in the committing batch) are bounded by
 * {@code kyc.append.max-waiting}: past it, {@link #offer} fails at once with
 * {@link BacklogFullException} and nothing of that event is kept. An event once accepted is always
 * written or failed, never dropped.
 */
// Created at start, so its meters are published (at 0) before the first request.
@Startup
@ApplicationScoped
public class AppendQueue {

    private record Pending(NewEvent event, UniEmitter<? super AppendOutcome> emitter, Context context,
                           long offeredAt, KycMetrics metrics, Backlog backlog) {

        void complete(AppendOutcome outcome) {
            metrics.appended(Duration.ofNanos(System.nanoTime() - offeredAt));
            backlog.leave();
            deliver(() -> emitter.complete(outcome));
        }

        void fail(Throwable failure) {
            backlog.leave();
            deliver(() -> emitter.fail(failure));
        }

        // Resume the caller on its own event loop, not on the database connection's.
        private void deliver(Runnable action) {
            if (context == null) {
                action.run();
            } else {
                context.runOnContext(ignored -> action.run());
            }
        }
    }

    private final Queue<Pending> queue = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean writing = new AtomicBoolean();
    private final EventAppender appender;
    private final KycMetrics metrics;
    private final int maxBatch;
    private final Backlog backlog;

    public AppendQueue(EventAppender appender, KycMetrics metrics,
                       @ConfigProperty(name = "kyc.append.max-batch-size", defaultValue = "256") int maxBatch,
                       @ConfigProperty(name = "kyc.append.max-waiting", defaultValue = "1024") int maxWaiting) {
        this.appender = appender;
        this.metrics = metrics;
        this.maxBatch = maxBatch;
        this.backlog = new Backlog("append", maxWaiting);
        metrics.backlog(backlog);
    }

    /**
     * Emits once the event is committed (or found to be a duplicate or a conflict); fails at once
     * with {@link BacklogFullException} when too many events are waiting.
     */
    public Uni<AppendOutcome> offer(NewEvent event) {
        return Uni.createFrom().emitter(emitter -> {
            backlog.enter(); // throws when full: the emitter fails at once, nothing was queued
            queue.add(new Pending(event, emitter, Vertx.currentContext(), System.nanoTime(), metrics, backlog));
            writeNextBatch();
        });
    }

    /** Fails with {@link BacklogFullException} when an offer now would be refused. */
    public void checkRoom() {
        backlog.checkRoom();
    }

    private void writeNextBatch() {
        if (!writing.compareAndSet(false, true)) {
            return; // the running batch picks this event up when it finishes
        }
        List<Pending> batch = take();
        if (batch.isEmpty()) {
            writing.set(false);
            if (!queue.isEmpty()) {
                writeNextBatch(); // an event arrived between take() and set(false)
            }
            return;
        }
        appender.append(batch.stream().map(Pending::event).toList())
                .onFailure(failure -> batch.size() > 1).recoverWithUni(failure -> oneByOne(batch))
                .subscribe().with(
                        outcomes -> finish(batch, outcomes),
                        failure -> {
                            batch.forEach(p -> p.fail(failure));
                            done();
                        });
    }

    // A failed batch is retried one event per transaction, so one bad event cannot fail the others.
    private Uni<List<AppendOutcome>> oneByOne(List<Pending> batch) {
        return Multi.createFrom().iterable(batch)
                .onItem().transformToUniAndConcatenate(p -> appender.append(List.of(p.event()))
                        .onItem().invoke(outcomes -> p.complete(outcomes.get(0)))
                        .onFailure().invoke(p::fail)
                        .onFailure().recoverWithNull())
                .collect().asList()
                .replaceWith(List.of());
    }

    private void finish(List<Pending> batch, List<AppendOutcome> outcomes) {
        if (!outcomes.isEmpty()) { // empty: already answered one by one
            for (int i = 0; i < batch.size(); i++) {
                batch.get(i).complete(outcomes.get(i));
            }
        }
        done();
    }

    private void done() {
        writing.set(false);
        if (!queue.isEmpty()) {
            writeNextBatch();
        }
    }

    private List<Pending> take() {
        List<Pending> batch = new ArrayList<>();
        Pending next;
        while (batch.size() < maxBatch && (next = queue.poll()) != null) {
            batch.add(next);
        }
        return batch;
    }
}
