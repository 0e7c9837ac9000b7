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
    void splitsTheWaitToBeSentFromTheTimeInFlight() {
        // The same queue as above: every answer takes 5 ms in flight; the rest of each latency is the backlog's wait.
        FakeServer server = new FakeServer(clock, 5, 202);
        Recorder recorder = new Recorder(0, 10 * MS);
        OpenLoopRunner runner = runner(server, recorder, 10, 1, 1_000);

        runner.start();
        server.advanceTo(100, runner);

        assertThat(recorder.answerMicros().getMinValue()).isCloseTo(5_000, withinPercentage(0.1));
        assertThat(recorder.answerMicros().getMaxValue()).isCloseTo(5_000, withinPercentage(0.1));
        assertThat(recorder.waitMicros().getMinValue()).isZero();
        assertThat(recorder.waitMicros().getMaxValue()).isCloseTo(36_000, withinPercentage(0.1));
        assertThat(recorder.freshConnectionMicros().getTotalCount()).isZero();
    }

    @Test
    void aLateTickShowsAsTheGeneratorsOwnGap() {
        FakeServer server = new FakeServer(clock, 1, 202);
        Recorder recorder = new Recorder(0, 100 * MS);
        OpenLoopRunner runner = runner(server, recorder, 50, 8, 1_000);

        runner.start();
        server.advanceTo(10, runner);
        // the generator's thread did not run for 20 ms: nothing ticked, then one tick catches up
        clock.setMillis(30);
        runner.tick();
        server.advanceTo(100, runner);

        assertThat(recorder.tickGapMicros().getMaxValue()).isCloseTo(20_000, withinPercentage(0.1));
        assertThat(recorder.tickGapMicros().getMinValue()).isCloseTo(1_000, withinPercentage(0.1));
        // the requests due during the gap waited for it to be sent: the generator's delay, not the server's
        assertThat(recorder.waitMicros().getMaxValue()).isCloseTo(19_000, withinPercentage(0.1));
        assertThat(recorder.answerMicros().getMinValue()).isCloseTo(1_000, withinPercentage(0.1));
    }

    @Test
    void reportsTheBacklogLeftWhenTheWindowOpens() {
        // one connection, 5 ms per answer, a request every 1 ms: by 10 ms the backlog holds 8
        FakeServer server = new FakeServer(clock, 5, 202);
        Recorder recorder = new Recorder(10 * MS, 10 * MS);
        OpenLoopRunner runner = runner(server, recorder, 20, 1, 1_000);

        runner.start();
        server.advanceTo(9, runner);
        assertThat(recorder.backlogAtWindowStart()).isEqualTo(-1);
        server.advanceTo(200, runner);

        assertThat(recorder.backlogAtWindowStart()).isEqualTo(8);
    }

    @Test
    void slowSecondsNameWhenTheTailHappened() {
        // a fast answer in the first second; in the second, one on a fresh connection (150 ms) and one that waited
        Recorder recorder = new Recorder(0, 2_000 * MS);
        recorder.begin(0);
        recorder.record(0, 0, 2 * MS, 1, Response.status(202));
        recorder.record(1_200 * MS, 1_200 * MS, 1_350 * MS, 1, Response.status(202, true));
        recorder.record(1_300 * MS, 1_340 * MS, 1_420 * MS, 1, Response.status(202));

        assertThat(recorder.seconds()).containsOnlyKeys(0L, 1L);
        assertThat(recorder.seconds().get(0L).slow()).isZero();
        assertThat(recorder.seconds().get(1L).requests()).isEqualTo(2);
        assertThat(recorder.seconds().get(1L).slow()).isEqualTo(2);
        assertThat(recorder.seconds().get(1L).maxMicros()).isEqualTo(150_000);
        assertThat(recorder.freshConnectionMicros().getTotalCount()).isEqualTo(1);
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
