package io.windbell.loadgen.bench;

import java.io.PrintStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The catch-up and settle engine of the poll subcommands: polls a {@link Probe} (a count, or nothing while the source
 * does not answer yet) until the count reaches a target, or until it stops growing. Replaces bench.py's
 * {@code catch_up} and {@code settle}, with the same poll periods, start-of-consumption rule, progress lines and result
 * fields; the clock and the sleeper are injected so that tests run with a fake clock.
 */
final class Poller {

    /** The catch-up's poll period (bench.py: 0.25 s). */
    static final double CATCH_UP_PERIOD_S = 0.25;
    /** The settle's poll period (bench.py: 1 s); settled when a count equals the one two polls before. */
    static final double SETTLE_PERIOD_S = 1.0;
    private static final int PROGRESS_KEPT = 600;

    /** A count, or empty while the source does not answer (a service starting, a table not there yet). */
    @FunctionalInterface
    interface Probe {
        OptionalLong count() throws InterruptedException;
    }

    /** Wall-clock seconds (Python's {@code time.time()}). */
    @FunctionalInterface
    interface Clock {
        double now();
    }

    @FunctionalInterface
    interface Sleeper {
        void sleep(double seconds) throws InterruptedException;
    }

    static final Clock SYSTEM_CLOCK = () -> {
        Instant now = Instant.now();
        return now.getEpochSecond() + now.getNano() / 1e9;
    };
    static final Sleeper THREAD_SLEEPER = seconds -> Thread.sleep(Math.round(seconds * 1000));

    private final Clock clock;
    private final Sleeper sleeper;
    private final PrintStream err;

    Poller(Clock clock, Sleeper sleeper, PrintStream err) {
        this.clock = clock;
        this.sleeper = sleeper;
        this.err = err;
    }

    /** One entry of the progress list: seconds since the poller started (2 decimals), the count then. */
    record Progress(double atS, long count) {
    }

    /** How the start of consumption was found and the rates from it (present once a poll saw progress). */
    record Rates(String startFrom, double consumeS, double perS, double firstProgressS, double fromPollerStartPerS) {
    }

    /** The outcome of {@link #catchUp}; {@code count} is null when nothing ever answered. */
    record CatchUp(long target, long baseline, boolean caughtUp, double pollerS, Long count, Rates rates,
            List<Progress> progress) {

        boolean timedOut() {
            return !caughtUp;
        }

        /** bench.py's result dict, keys in its order. */
        ObjectNode toJson() {
            ObjectNode json = PyJson.object();
            json.put("target", target).put("baseline", baseline).put("caughtUp", caughtUp).put("timedOut", timedOut())
                    .put("pollerS", pollerS).put("count", count);
            if (rates != null) {
                json.put("startFrom", rates.startFrom()).put("consumeS", rates.consumeS()).put("perS", rates.perS())
                        .put("firstProgressS", rates.firstProgressS())
                        .put("fromPollerStartPerS", rates.fromPollerStartPerS());
            }
            ArrayNode list = json.putArray("progress");
            progress.forEach(p -> list.addArray().add(p.atS()).add(p.count()));
            return json;
        }
    }

    /** The outcome of {@link #settle}: the last count seen (null when nothing answered) and the seconds waited. */
    record Settled(boolean settled, Long count, double waitedS) {
    }

    /**
     * Polls every 0.25 s until the count reaches {@code target} or {@code timeoutS} have passed. The rate is measured
     * from the start of consumption — the last poll that still saw {@code baseline} ({@code nothing} says what it saw,
     * e.g. "nothing consumed"), or, when consumption began before anything answered, extrapolated back from the first
     * answers at the rate that followed — to the poll that saw the target. Every 5 s a progress line goes to stderr,
     * {@code [label]} first.
     */
    CatchUp catchUp(Probe probe, long target, double timeoutS, long baseline, String label, String nothing)
            throws InterruptedException {
        double t0 = clock.now();
        Double lastIdle = null;
        Double firstAt = null;
        long firstCount = 0;
        Double done = null;
        Long latest = null;
        List<Progress> progress = new ArrayList<>();
        double nextNote = t0 + 5;
        while (clock.now() - t0 < timeoutS) {
            double now = clock.now();
            OptionalLong answer = probe.count();
            if (answer.isPresent()) {
                long count = answer.getAsLong();
                latest = count;
                if (count <= baseline) {
                    lastIdle = now;
                } else if (firstAt == null) {
                    firstAt = now;
                    firstCount = count;
                }
                if (progress.isEmpty() || now - t0 - progress.getLast().atS() >= 1) {
                    progress.add(new Progress(PyJson.round(now - t0, 2), count));
                }
                if (count >= target) {
                    done = now;
                    break;
                }
            }
            if (now >= nextNote) {
                err.println("[" + label + "] " + PollJson.fixed(now - t0, 1, 5) + "s "
                        + (latest != null ? latest + " of " + target : "no answer yet (starting)"));
                err.flush();
                nextNote += 5;
            }
            sleeper.sleep(CATCH_UP_PERIOD_S);
        }
        double end = done != null ? done : clock.now();
        Rates rates = null;
        if (firstAt != null) {
            double start;
            String how;
            if (lastIdle != null && lastIdle < firstAt) {
                start = lastIdle;
                how = "last poll that saw " + nothing;
            } else {
                double rate = (latest - firstCount) / Math.max(1e-3, end - firstAt);
                start = rate > 0 ? firstAt - (firstCount - baseline) / rate : t0;
                start = Math.max(t0, start);
                how = "extrapolated back from the first answers";
            }
            long consumed = done == null ? latest - baseline : target - baseline;
            double seconds = Math.max(1e-3, end - start);
            rates = new Rates(how, PyJson.round(seconds, 2), PyJson.round(consumed / seconds, 1),
                    PyJson.round(firstAt - t0, 2), PyJson.round(consumed / Math.max(1e-3, end - t0), 1));
        }
        List<Progress> kept = progress.subList(Math.max(0, progress.size() - PROGRESS_KEPT), progress.size());
        return new CatchUp(target, baseline, done != null, PyJson.round(end - t0, 2), latest, rates, List.copyOf(kept));
    }

    /** Polls every second until the count stops growing (3 polls 1 s apart) or {@code timeoutS} have passed. */
    Settled settle(Probe probe, double timeoutS) throws InterruptedException {
        double t0 = clock.now();
        List<Long> counts = new ArrayList<>();
        while (clock.now() - t0 < timeoutS) {
            OptionalLong answer = probe.count();
            if (answer.isPresent()) {
                counts.add(answer.getAsLong());
                int n = counts.size();
                if (n >= 3 && counts.get(n - 1).equals(counts.get(n - 3))) {
                    return new Settled(true, answer.getAsLong(), PyJson.round(clock.now() - t0, 1));
                }
            }
            sleeper.sleep(SETTLE_PERIOD_S);
        }
        return new Settled(false, counts.isEmpty() ? null : counts.getLast(), PyJson.round(clock.now() - t0, 1));
    }
}
