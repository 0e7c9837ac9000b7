package io.windbell.loadgen.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.api.Assertions.withinPercentage;

import org.junit.jupiter.api.Test;

class OpenLoopRunnerTest {

    private static final Payload BODY = new Payload("/v1/events", new byte[] { '{', '}' }, 1);
    private static final long MS = 1_000_000;

    private final FakeClock clock = new FakeClock();

    private OpenLoopRunner runner(FakeServer server, Recorder recorder, long count, int connections, long stopMs) {
        return new OpenLoopRunner(new FixedRateSchedule(1000, count, () -> BODY), server, recorder, clock, connections,
                stopMs * MS);
    }

    @Test
    void sendsAtTheIntendedTimesWhenConnectionsAreFree() {
        FakeServer server = new FakeServer(clock, 5, 202);
        Recorder recorder = new Recorder(0, 10 * MS);
        OpenLoopRunner runner = runner(server, recorder, 10, 10, 1_000);

        runner.start();
        server.advanceTo(100, runner);

        assertThat(server.sentAt).containsExactly(0L, 1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L);
        assertThat(runner.done()).isTrue();
        assertThat(recorder.requests()).isEqualTo(10);
        assertThat(recorder.latencyMicros().getMinValue()).isCloseTo(5_000, withinPercentage(0.1));
        assertThat(recorder.latencyMicros().getMaxValue()).isCloseTo(5_000, withinPercentage(0.1));
    }

    @Test
    void waitingForABusyConnectionCountsInLatency() {
        // One connection, 5 ms per answer, a request due every 1 ms: request k is due at k ms but only answered at
        // 5(k+1) ms. Timed from its actual send it would look like 5 ms; from its intended start it is 4k + 5 ms.
        FakeServer server = new FakeServer(clock, 5, 202);
        Recorder recorder = new Recorder(0, 10 * MS);
        OpenLoopRunner runner = runner(server, recorder, 10, 1, 1_000);

        runner.start();
        server.advanceTo(3, runner);
        assertThat(runner.backlog()).isEqualTo(3);
        assertThat(runner.inFlight()).isEqualTo(1);
        server.advanceTo(100, runner);

        assertThat(server.sentAt).containsExactly(0L, 5L, 10L, 15L, 20L, 25L, 30L, 35L, 40L, 45L);
        assertThat(server.maxInFlight).isEqualTo(1);
        assertThat(recorder.requests()).isEqualTo(10);
        // HdrHistogram keeps 3 significant digits.
        assertThat(recorder.latencyMicros().getMinValue()).isCloseTo(5_000, withinPercentage(0.1));
        assertThat(recorder.latencyMicros().getMaxValue()).isCloseTo(41_000, withinPercentage(0.1));
        assertThat(recorder.latencyMicros().getMean()).isCloseTo(23_000, within(30.0));
        // The window is 10 ms but the last measured answer came at 50 ms: throughput shows the server fell behind.
        assertThat(recorder.durationSeconds()).isEqualTo(0.050);
    }

    @Test
    void warmupRequestsAreSentButNotCounted() {
        FakeServer server = new FakeServer(clock, 2, 202);
        Recorder recorder = new Recorder(3 * MS, 7 * MS);
        OpenLoopRunner runner = runner(server, recorder, 10, 4, 1_000);

        runner.start();
        server.advanceTo(50, runner);

        assertThat(runner.sent()).isEqualTo(10);
        assertThat(recorder.completed()).isEqualTo(10);
        assertThat(recorder.requests()).isEqualTo(7);
        assertThat(recorder.events()).isEqualTo(7);
        assertThat(recorder.statuses()).containsEntry(202, 7L);
    }

    @Test
    void rejectedAnswersAreErrorsWithLatency() {
        FakeServer server = new FakeServer(clock, 1, 429);
        Recorder recorder = new Recorder(0, 10 * MS);
        OpenLoopRunner runner = runner(server, recorder, 4, 4, 1_000);

        runner.start();
        server.advanceTo(20, runner);

        assertThat(recorder.errors()).isEqualTo(4);
        assertThat(recorder.events()).isZero();
        assertThat(recorder.statuses()).containsExactly(entry(429, 4L));
        assertThat(recorder.latencyMicros().getTotalCount()).isEqualTo(4);
    }

    @Test
    void hardStopEndsARunWhoseServerNeverAnswers() {
        FakeServer server = new FakeServer(clock, -1, 202);
        Recorder recorder = new Recorder(0, 10 * MS);
        OpenLoopRunner runner = runner(server, recorder, 10, 2, 30);

        runner.start();
        server.advanceTo(29, runner);
        assertThat(runner.done()).isFalse();
        server.advanceTo(30, runner);

        assertThat(runner.done()).isTrue();
        assertThat(runner.unfinished()).isEqualTo(10);
        assertThat(recorder.requests()).isZero();
    }
}
