package dev.kycevents.overload;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

/**
 * How many requests wait for one resource (accepted, not yet answered), refused past a fixed
 * capacity. A queue without a bound turns a flood into ever longer waits and an ever larger heap;
 * past the bound the sender hears {@code 503} at once and retries, and nothing it sent is kept.
 */
public final class Backlog {

    private final String name;
    private final int capacity;
    private final AtomicInteger waiting = new AtomicInteger();
    private final LongAdder refused = new LongAdder();

    /**
     * @param name     what waits, for the refusal and the meters (e.g. {@code append})
     * @param capacity requests that may wait at once; at least 1
     */
    public Backlog(String name, int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException(name + " backlog capacity must be at least 1, was " + capacity);
        }
        this.name = name;
        this.capacity = capacity;
    }

    /** Takes a place, or fails with {@link BacklogFullException} when every place is taken. */
    public void enter() {
        int now;
        do {
            now = waiting.get();
            if (now >= capacity) {
                refused.increment();
                throw new BacklogFullException(name);
            }
        } while (!waiting.compareAndSet(now, now + 1));
    }

    /**
     * Fails like {@link #enter()} when every place is taken, without taking one: lets a caller refuse
     * before doing work (verifying, parsing) that a full backlog would throw away.
     */
    public void checkRoom() {
        if (waiting.get() >= capacity) {
            refused.increment();
            throw new BacklogFullException(name);
        }
    }

    /** Gives back the place taken by {@link #enter()}, once its request has been answered. */
    public void leave() {
        waiting.decrementAndGet();
    }

    public int waiting() {
        return waiting.get();
    }

    /** Requests refused so far because every place was taken. */
    public long refused() {
        return refused.sum();
    }

    public int capacity() {
        return capacity;
    }

    public String name() {
        return name;
    }
}
