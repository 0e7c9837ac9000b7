package io.windbell.loadgen.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.withinPercentage;

import java.net.ConnectException;
import java.util.function.Consumer;

import org.junit.jupiter.api.Test;

class ClosedLoopRunnerTest {

    private static final Payload BATCH = new Payload("/v1/events/batch", new byte[] { '[', ']' }, 50);
    private static final long MS = 1_000_000;

    private final FakeClock clock = new FakeClock();

    @Test
    void keepsExactlyConnectionsRequestsInFlightUntilTheTimeIsUp() {
        FakeServer server = new FakeServer(clock, 2, 202);
        Recorder recorder = new Recorder(4 * MS, 16 * MS);
        ClosedLoopRunner runner = new ClosedLoopRunner(() -> BATCH, server, recorder, clock, 4, 20 * MS, 1_000_000,
                100 * MS);

        runner.start();
        server.advanceTo(60, runner);

        assertThat(runner.done()).isTrue();
        assertThat(server.maxInFlight).isEqualTo(4);
        // Every slot sends at 0, 2, 4, ..., 18 ms: 10 rounds of 4; the first two rounds are warmup.
        assertThat(runner.sent()).isEqualTo(40);
        assertThat(recorder.requests()).isEqualTo(32);
        assertThat(recorder.events()).isEqualTo(32 * 50);
        assertThat(recorder.latencyMicros().getMaxValue()).isCloseTo(2_000, withinPercentage(0.1));
        assertThat(recorder.durationSeconds()).isEqualTo(0.016);
    }

    @Test
    void stopsAtTheRequestCap() {
        FakeServer server = new FakeServer(clock, 1, 202);
        Recorder recorder = new Recorder(0, 100 * MS);
        ClosedLoopRunner runner = new ClosedLoopRunner(() -> BATCH, server, recorder, clock, 3, 100 * MS, 7, 200 * MS);

        runner.start();
        server.advanceTo(200, runner);

        assertThat(runner.sent()).isEqualTo(7);
        assertThat(runner.done()).isTrue();
        // Sends at 0, 0, 0, 1, 1, 1, 2 ms; the window closes with the last send and the last answer comes at 3 ms.
        assertThat(recorder.durationSeconds()).isEqualTo(0.003);
    }

    @Test
    void aSlotWhoseConnectionFailsWaitsForTheNextTick() {
        int[] sends = { 0 };
        Transport refused = (Payload payload, Consumer<Response> done) -> {
            sends[0]++;
            done.accept(Response.failed(new ConnectException("refused")));
        };
        Recorder recorder = new Recorder(0, 5 * MS);
        ClosedLoopRunner runner = new ClosedLoopRunner(() -> BATCH, refused, recorder, clock, 2, 5 * MS, 1_000_000,
                50 * MS);

        runner.start();
        for (int ms = 1; ms <= 10; ms++) {
            clock.setMillis(ms);
            runner.tick();
        }

        assertThat(runner.done()).isTrue();
        assertThat(sends[0]).isEqualTo(10);
        assertThat(recorder.ioErrors()).isEqualTo(10);
        assertThat(recorder.ioFailures()).containsEntry("ConnectException", 10L);
        assertThat(recorder.errors()).isEqualTo(10);
    }
}
