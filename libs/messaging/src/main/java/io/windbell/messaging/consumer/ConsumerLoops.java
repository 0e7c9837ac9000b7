package io.windbell.messaging.consumer;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * The consumer loops of one service, started and stopped together: starting twice is a no-op, stopping lets each loop
 * finish or roll back the batch in hand, and {@link #status()} is what readiness reports.
 *
 * @param <T>
 *            the decoded event type of the loops
 */
public final class ConsumerLoops<T> {

    private final List<ConsumerLoop<T>> loops = new ArrayList<>();

    /** Creates and starts the loops unless they run already; they resume from the group's committed offsets. */
    public synchronized void start(Supplier<List<ConsumerLoop<T>>> started) {
        if (loops.isEmpty()) {
            loops.addAll(started.get());
        }
    }

    /** Stops consuming: the batch in hand finishes or rolls back, nothing after it is committed. */
    public synchronized void stop() throws InterruptedException {
        for (ConsumerLoop<T> loop : loops) {
            loop.close();
        }
        loops.clear();
    }

    public synchronized List<ConsumerLoop.Status> status() {
        return loops.stream().map(ConsumerLoop::status).toList();
    }
}
