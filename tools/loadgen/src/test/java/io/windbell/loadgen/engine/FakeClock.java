package io.windbell.loadgen.engine;

/** A clock that moves only when the test says so. */
final class FakeClock implements Ticker {

    private long now = 1_000_000_000L;

    @Override
    public long nanoTime() {
        return now;
    }

    void setMillis(long millis) {
        now = 1_000_000_000L + millis * 1_000_000;
    }

    long millis() {
        return (now - 1_000_000_000L) / 1_000_000;
    }
}
