package io.windbell.loadgen;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Lets a long-running command end cleanly on Ctrl-C or SIGTERM ({@code make stop}): a shutdown hook asks the command to
 * stop, then waits until {@link LoadGen} has printed the summary, so that it is not lost when the JVM halts.
 */
public final class StopSignal {

    /** How long the hook waits for the summary before the JVM halts anyway. */
    static final long GRACE_SECONDS = 8;

    private static final CountDownLatch PRINTED = new CountDownLatch(1);

    private StopSignal() {
    }

    /** Runs {@code stop} when the JVM is asked to exit, and holds the exit until {@link #printed()} (bounded). */
    public static void onExit(Runnable stop) {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            stop.run();
            try {
                PRINTED.await(GRACE_SECONDS, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "loadgen-stop"));
    }

    /** The summary is out: a pending exit may go on. */
    static void printed() {
        PRINTED.countDown();
    }
}
