package io.windbell.loadgen.engine;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * A transport that answers each request a fixed service time after the server picks it up, one request per connection:
 * what a real server does, minus the network. Drive it with {@link #advanceTo(long, Runner)}.
 */
final class FakeServer implements Transport {

    record Exchange(long sentMillis, Payload payload, Consumer<Response> done) {
    }

    private final FakeClock clock;
    private final long serviceMillis;
    private final int status;
    private final ArrayDeque<Exchange> inFlight = new ArrayDeque<>();
    final List<Long> sentAt = new ArrayList<>();
    int maxInFlight;

    FakeServer(FakeClock clock, long serviceMillis, int status) {
        this.clock = clock;
        this.serviceMillis = serviceMillis;
        this.status = status;
    }

    @Override
    public void send(Payload payload, Consumer<Response> done) {
        inFlight.add(new Exchange(clock.millis(), payload, done));
        sentAt.add(clock.millis());
        maxInFlight = Math.max(maxInFlight, inFlight.size());
    }

    /** Moves time forward millisecond by millisecond, answering what is due and ticking the runner. */
    void advanceTo(long millis, Runner runner) {
        while (clock.millis() < millis) {
            clock.setMillis(clock.millis() + 1);
            answerDue();
            runner.tick();
        }
    }

    private void answerDue() {
        List<Exchange> due = new ArrayList<>();
        for (Exchange e : inFlight) {
            if (serviceMillis >= 0 && e.sentMillis() + serviceMillis <= clock.millis()) {
                due.add(e);
            }
        }
        for (Exchange e : due) {
            inFlight.remove(e);
            e.done().accept(Response.status(status));
        }
    }
}
