package io.windbell.loadgen.engine;

/** A monotonic nanosecond clock; tests substitute a fake one. */
@FunctionalInterface
public interface Ticker {

    Ticker SYSTEM = System::nanoTime;

    long nanoTime();
}
