package io.windbell.loadgen.engine;

import java.util.ArrayDeque;

/**
 * Open loop: requests start at their scheduled times regardless of how fast the server answers. When all connections
 * are busy a due request waits in a backlog, and its latency is still measured from its <em>intended</em> start, so the
 * wait counts (no coordinated omission).
 */
public final class OpenLoopRunner implements Runner {

    private final Schedule schedule;
    private final Transport transport;
    private final Recorder recorder;
    private final Ticker ticker;
    private final int maxInFlight;
    private final long hardStopNanos;
    private final ArrayDeque<Planned> backlog = new ArrayDeque<>();

    private long start;
    private int inFlight;
    private long sent;
    private long unfinished;
    private boolean aborted;
    private boolean over;

    /**
     * @param maxInFlight
     *            requests in flight at most: the number of connections
     * @param hardStopNanos
     *            after this long the run ends even if requests are still queued or in flight
     */
    public OpenLoopRunner(Schedule schedule, Transport transport, Recorder recorder, Ticker ticker, int maxInFlight,
            long hardStopNanos) {
        this.schedule = schedule;
        this.transport = transport;
        this.recorder = recorder;
        this.ticker = ticker;
        this.maxInFlight = maxInFlight;
        this.hardStopNanos = hardStopNanos;
    }

    @Override
    public void start() {
        start = ticker.nanoTime();
        recorder.begin(start);
        tick();
    }

    @Override
    public void tick() {
        if (over) {
            return;
        }
        long now = ticker.nanoTime();
        long elapsed = now - start;
        while (schedule.hasNext() && schedule.peekNanos() <= elapsed) {
            backlog.add(schedule.next());
        }
        recorder.tick(now, backlog.size());
        dispatch();
        if (!schedule.hasNext() && backlog.isEmpty() && inFlight == 0) {
            over = true;
        } else if (elapsed >= hardStopNanos) {
            over = true;
            aborted = true;
            unfinished = inFlight + backlog.size();
            backlog.clear();
        }
    }

    private void dispatch() {
        while (!aborted && inFlight < maxInFlight && !backlog.isEmpty()) {
            Planned planned = backlog.poll();
            long intended = start + planned.atNanos();
            Payload payload = planned.payload().get();
            inFlight++;
            sent++;
            long sentAt = ticker.nanoTime();
            transport.send(payload, response -> complete(intended, sentAt, payload.events(), response));
        }
    }

    private void complete(long intended, long sentAt, int events, Response response) {
        if (aborted) {
            return;
        }
        inFlight--;
        recorder.record(intended, sentAt, ticker.nanoTime(), events, response);
        dispatch();
    }

    @Override
    public boolean done() {
        return over;
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
        return backlog.size();
    }

    @Override
    public long unfinished() {
        return unfinished;
    }
}
