package io.windbell.platform.background;

import java.time.Duration;
import java.util.concurrent.locks.LockSupport;

import org.jboss.logging.Logger;

/**
 * A background thread that repeats one task: at once again while the task reports more work, after {@code interval}
 * when it is idle, and after {@code backoff} when it fails (logged, never fatal). The shape every poller of a service
 * has (timers, schedulers, purges), written once.
 */
public final class Periodic implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(Periodic.class);

    /** One round of work; returns whether more is waiting (then the next round starts without a pause). */
    @FunctionalInterface
    public interface Task {
        boolean runOnce() throws Exception;
    }

    private final String name;
    private final Duration interval;
    private final Duration backoff;
    private final Task task;
    private volatile Thread thread;
    private volatile boolean stopping;
    private volatile String lastError;

    public Periodic(String name, Duration interval, Duration backoff, Task task) {
        this.name = name;
        this.interval = interval;
        this.backoff = backoff;
        this.task = task;
    }

    public synchronized Periodic start() {
        if (thread == null) {
            thread = Thread.ofPlatform().name(name).daemon().start(this::loop);
        }
        return this;
    }

    /** Runs the next round now instead of at the end of the pause. */
    public void wake() {
        Thread current = thread;
        if (current != null) {
            LockSupport.unpark(current);
        }
    }

    public boolean running() {
        Thread current = thread;
        return current != null && current.isAlive();
    }

    /** The error of the last failed round, {@code null} once a round succeeds again. */
    public String lastError() {
        return lastError;
    }

    @Override
    public void close() throws InterruptedException {
        stopping = true;
        Thread current = thread;
        if (current != null) {
            current.interrupt();
            current.join(Duration.ofSeconds(10));
        }
    }

    private void loop() {
        while (!stopping && !Thread.currentThread().isInterrupted()) {
            Duration pause;
            try {
                pause = task.runOnce() ? Duration.ZERO : interval;
                lastError = null;
            } catch (InterruptedException e) {
                return;
            } catch (Exception e) {
                if (stopping) {
                    return;
                }
                lastError = e.toString();
                LOG.warnf("%s failed, retrying in %s: %s", name, backoff, e.toString());
                pause = backoff;
            }
            if (!pause.isZero()) {
                LockSupport.parkNanos(pause.toNanos());
            }
        }
    }
}
