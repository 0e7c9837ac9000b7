package io.windbell.loadgen.engine;

/** Drives requests over a {@link Transport}; called from one thread only: start once, then tick until done. */
public interface Runner {

    void start();

    /** Called about once a millisecond: sends what is due and enforces the hard stop. */
    void tick();

    boolean done();

    /** Requests handed to the transport so far. */
    long sent();

    int inFlight();

    /** Requests that are due but wait for a free connection. */
    int backlog();

    /** Requests given up when the hard stop hit (backlog and in flight at that moment). */
    long unfinished();
}
