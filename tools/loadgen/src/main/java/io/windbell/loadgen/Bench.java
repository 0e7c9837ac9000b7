package io.windbell.loadgen;

import java.io.PrintStream;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.windbell.loadgen.catalog.Catalog;
import io.windbell.loadgen.cli.Command;
import io.windbell.loadgen.cli.Settings;
import io.windbell.loadgen.engine.ClosedLoopRunner;
import io.windbell.loadgen.engine.FixedRateSchedule;
import io.windbell.loadgen.engine.OpenLoopRunner;
import io.windbell.loadgen.engine.Recorder;
import io.windbell.loadgen.engine.Runner;
import io.windbell.loadgen.engine.Ticker;
import io.windbell.loadgen.engine.Transport;
import io.windbell.loadgen.events.BenchPayloads;
import io.windbell.loadgen.events.EventIds;
import io.windbell.loadgen.http.Driver;
import io.windbell.loadgen.report.Progress;
import io.windbell.loadgen.report.Summary;
import io.windbell.loadgen.sim.Population;
import io.windbell.loadgen.sim.SimulationSchedule;
import io.windbell.loadgen.sim.TrafficGenerator;

/** Runs {@code max}, {@code rate} or {@code simulate} against the ingest API and returns the summary. */
final class Bench {

    /** Journey arrival rate that shapes the event mix of the benchmarks (their timeline is not used). */
    private static final double BENCH_MIX_RATE = 1_000;

    private Bench() {
    }

    static Map<String, Object> run(Settings s, Session session, PrintStream err) throws LoadGenException {
        session.authenticate();
        Catalog catalog = session.catalog();
        boolean simulate = s.command() == Command.SIMULATE;
        long horizonMillis = s.runNanos() / 1_000_000;
        TrafficGenerator generator = new TrafficGenerator(catalog, new Population(s.customers(), s.seed()),
                // the ingest benchmarks send every event once, each with its own id
                simulate ? s.profile() : s.profile().deliveredOnce(), simulate ? s.rate() : BENCH_MIX_RATE, s.seed(),
                EventIds::next, horizonMillis);
        FixedRateSchedule rateSchedule = null;
        long measuredNanos = s.duration().toNanos();
        if (s.command() == Command.RATE) {
            long rampNanos = rampNanos(s);
            long rateCount = FixedRateSchedule.countFor(s.rate(), rampNanos / 1e9, s.runNanos() / 1e9, s.maxRequests());
            rateSchedule = new FixedRateSchedule(s.rate(), rampNanos, rateCount, payloads(s, generator));
            // A request cap that cuts the schedule short cuts the measured window with it.
            measuredNanos = Math.min(measuredNanos,
                    Math.max(0, rateSchedule.intendedNanos(rateCount) - s.warmup().toNanos()));
        }
        Recorder recorder = new Recorder(s.warmup().toNanos(), measuredNanos);
        Transport transport = session.transport();
        Runner runner = switch (s.command()) {
        case MAX -> new ClosedLoopRunner(payloads(s, generator), transport, recorder, Ticker.SYSTEM, s.connections(),
                s.runNanos(), s.maxRequests(), s.hardStopNanos());
        case RATE -> new OpenLoopRunner(rateSchedule, transport, recorder, Ticker.SYSTEM, s.connections(),
                s.hardStopNanos());
        case SIMULATE -> new OpenLoopRunner(new SimulationSchedule(generator, s.batchSize(), s.linger().toMillis(),
                horizonMillis, s.maxRequests(), OffsetDateTime.now()), transport, recorder, Ticker.SYSTEM,
                s.connections(), s.hardStopNanos());
        case PAYLOADS, JOURNEYS, RESPOND, JOURNEY_ENDS, SCORING_EVENTS, WORKORDER_ALERTS, NOTIFICATION_PUSH -> throw new IllegalArgumentException(
                s.command().label() + " is not an HTTP run");
        };
        err.printf("[%s] %s against %s for %s (warmup %s), seed %d%n", s.command().label(), s.kind().label(), s.base(),
                human(s.duration()), human(s.warmup()), s.seed());
        Progress progress = new Progress(s.command().label(), runner, recorder, Ticker.SYSTEM, err);
        try {
            Driver.run(session.context(), runner, progress::report).get(s.hardStopNanos() / 1_000_000 + 30_000,
                    TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw new LoadGenException("the run failed: " + e.getCause(), e.getCause());
        } catch (TimeoutException e) {
            throw new LoadGenException("the run did not stop by itself", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LoadGenException("interrupted", e);
        }
        return Summary.of(s, recorder, runner, simulate ? generator.tally().asMap() : null);
    }

    /**
     * An open-loop rate run ramps up over the first two thirds of its warmup and holds the full rate for the last
     * third, so the measured window starts at the full rate with the load generator's JIT warm and no backlog left
     * over.
     */
    static long rampNanos(Settings s) {
        return s.warmup().toNanos() * 2 / 3;
    }

    private static BenchPayloads payloads(Settings s, TrafficGenerator generator) {
        return new BenchPayloads(generator, s.kind(), s.batchSize(), ZoneId.systemDefault());
    }

    private static String human(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + "s" : d.toMillis() + "ms";
    }
}
