package io.windbell.loadgen.engine;

import java.util.function.Supplier;

/**
 * Closed loop at fixed concurrency: each of {@code connections} slots sends its next request as soon as the previous
 * one is answered, until the run time is over. Measures the server's maximum throughput; latency is from the actual
 * send. A slot whose request failed with an I/O error pauses until the next tick, so a refused connection does not
 * spin.
 */
public final class ClosedLoopRunner implements Runner {

    private final Supplier<Payload> payloads;
    private final Transport transport;
    private final Recorder recorder;
    private final Ticker ticker;
    private final int connections;
    private final long runNanos;
    private final long maxRequests;
    private final long hardStopNanos;

    private long start;
    private int inFlight;
    private int paused;
    private long sent;
    private long unfinished;
    private boolean aborted;
    private boolean finished;

    /**
     * @param runNanos
     *            warmup plus measured duration: no request starts after that
     * @param hardStopNanos
     *            after this long the run ends even if requests are still in flight
     */
    public ClosedLoopRunner(Supplier<Payload> payloads, Transport transport, Recorder recorder, Ticker ticker,
            int connections, long runNanos, long maxRequests, long hardStopNanos) {
        this.payloads = payloads;
        this.transport = transport;
        this.recorder = recorder;
        this.ticker = ticker;
        this.connections = connections;
        this.runNanos = runNanos;
        this.maxRequests = maxRequests;
        this.hardStopNanos = hardStopNanos;
    }

    @Override
    public void start() {
        start = ticker.nanoTime();
        recorder.begin(start);
        for (int i = 0; i < connections; i++) {
            launch();
        }
    }

    private boolean closed(long now) {
        return now - start >= runNanos || sent >= maxRequests;
    }

    private void launch() {
        long now = ticker.nanoTime();
        if (aborted || closed(now)) {
            return;
        }
        Payload payload = payloads.get();
        inFlight++;
        sent++;
        if (sent == maxRequests) {
            recorder.closeWindow(now);
        }
        transport.send(payload, response -> complete(now, payload.events(), response));
    }

    private void complete(long startedNanos, int events, Response response) {
        if (aborted) {
            return;
        }
        inFlight--;
        recorder.record(startedNanos, ticker.nanoTime(), events, response);
        if (response.ioFailure()) {
            paused++;
        } else {
            launch();
        }
    }

    @Override
    public void tick() {
        if (done()) {
            return;
        }
        for (int resumed = paused; resumed > 0; resumed--) {
            paused--;
            launch();
        }
        long now = ticker.nanoTime();
        if (inFlight == 0 && closed(now)) {
            finished = true;
        } else if (now - start >= hardStopNanos) {
            aborted = true;
            unfinished = inFlight;
        }
    }

    @Override
    public boolean done() {
        return aborted || finished;
    }

    @Override
    public long sent() {
        return sent;
    }

    @Override
    public int inFlight() {
        return inFlight;
    }

    @Override
    public int backlog() {
        return 0;
    }

    @Override
    public long unfinished() {
        return unfinished;
    }
}
