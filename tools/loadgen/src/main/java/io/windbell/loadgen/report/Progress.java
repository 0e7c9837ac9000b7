package io.windbell.loadgen.report;

import java.io.PrintStream;

import io.windbell.loadgen.engine.Recorder;
import io.windbell.loadgen.engine.Runner;
import io.windbell.loadgen.engine.Ticker;

/** The once-a-second progress line on stderr: what was sent, at what rate, and how many failed. */
public final class Progress {

    private final String label;
    private final Runner runner;
    private final Recorder recorder;
    private final Ticker ticker;
    private final PrintStream err;
    private long lastSent;

    public Progress(String label, Runner runner, Recorder recorder, Ticker ticker, PrintStream err) {
        this.label = label;
        this.runner = runner;
        this.recorder = recorder;
        this.ticker = ticker;
        this.err = err;
    }

    public void report(long second) {
        long sent = runner.sent();
        String phase = recorder.phase(ticker.nanoTime());
        err.printf("[%s] %4ds %-6s sent=%d rate=%d/s done=%d errors=%d inflight=%d backlog=%d%n", label, second, phase,
                sent, sent - lastSent, recorder.completed(), recorder.failed(), runner.inFlight(), runner.backlog());
        lastSent = sent;
    }
}
