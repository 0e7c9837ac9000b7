package io.windbell.workorder;

import java.time.Duration;
import java.util.function.Supplier;

import org.jboss.logging.Logger;

import io.windbell.platform.background.Periodic;

/**
 * An immutable in-memory copy of a small table (calendars, SLA policies), so the hot path never waits for the database:
 * loaded at startup, after every change made through this replica, and on a timer so that changes made through other
 * replicas arrive within the refresh interval. A failed load keeps the previous copy.
 *
 * @param <T>
 *            the immutable snapshot
 */
public final class RefreshingSnapshot<T> implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(RefreshingSnapshot.class);

    private final String name;
    private final Supplier<T> loader;
    private volatile T current;
    private Periodic timer;

    /**
     * @param empty
     *            what {@link #get()} answers before the first load
     */
    public RefreshingSnapshot(String name, Supplier<T> loader, T empty) {
        this.name = name;
        this.loader = loader;
        this.current = empty;
    }

    /** Loads now, then every {@code interval} in the background. */
    public synchronized RefreshingSnapshot<T> start(Duration interval) {
        reload();
        if (timer == null) {
            timer = new Periodic(name + "-refresh", interval, interval, () -> {
                reload();
                return false;
            }).start();
        }
        return this;
    }

    /** Loads and swaps; serialised so that a slow load never replaces the result of a later one. */
    public synchronized void reload() {
        current = loader.get();
        LOG.debugf("%s reloaded", name);
    }

    public T get() {
        return current;
    }

    @Override
    public synchronized void close() throws InterruptedException {
        if (timer != null) {
            timer.close();
            timer = null;
        }
    }
}
