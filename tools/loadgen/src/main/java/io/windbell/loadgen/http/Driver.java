package io.windbell.loadgen.http;

import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

import io.vertx.core.Context;
import io.windbell.loadgen.engine.Runner;

/**
 * Runs a {@link Runner} on one Vert.x event-loop context, so that the runner, the recorder and every response callback
 * share one thread: a tick every millisecond, a progress report every second.
 */
public final class Driver {

    private Driver() {
    }

    /** Starts the runner; the future completes on the context once the runner is done. */
    public static CompletableFuture<Void> run(Context context, Runner runner, Consumer<Long> everySecond) {
        CompletableFuture<Void> finished = new CompletableFuture<>();
        context.runOnContext(v -> {
            var vertx = context.owner();
            long startMillis = System.currentTimeMillis();
            runner.start();
            long[] progress = { -1 };
            progress[0] = vertx.setPeriodic(1_000, 1_000,
                    id -> everySecond.accept((System.currentTimeMillis() - startMillis) / 1_000));
            vertx.setPeriodic(1, id -> {
                try {
                    runner.tick();
                } catch (RuntimeException e) {
                    vertx.cancelTimer(id);
                    vertx.cancelTimer(progress[0]);
                    finished.completeExceptionally(e);
                    return;
                }
                if (runner.done()) {
                    vertx.cancelTimer(id);
                    vertx.cancelTimer(progress[0]);
                    finished.complete(null);
                }
            });
        });
        return finished;
    }
}
