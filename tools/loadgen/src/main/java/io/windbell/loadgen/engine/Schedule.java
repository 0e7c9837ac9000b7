package io.windbell.loadgen.engine;

/** The requests of an open-loop run in the order of their intended start times; finite. */
public interface Schedule {

    boolean hasNext();

    /** Intended start of the next request in nanoseconds after the run starts; only valid when {@link #hasNext()}. */
    long peekNanos();

    Planned next();
}
