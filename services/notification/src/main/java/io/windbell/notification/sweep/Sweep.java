package io.windbell.notification.sweep;

import java.time.Duration;
import java.time.Instant;
import java.util.function.Function;

import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;
import io.windbell.platform.background.Periodic;

/**
 * A periodic sweep over the database (the digest, the re-notification): a {@link Periodic} thread that runs one
 * reactive round at the current time, again at once while the round reports more work. Every replica sweeps; the rounds
 * claim their rows {@code FOR UPDATE SKIP LOCKED}, so two replicas never take the same row.
 */
public final class Sweep implements AutoCloseable {

    private final Periodic periodic;

    /**
     * @param round
     *            one round at the given instant, in its own transaction; answers whether more is waiting
     */
    public Sweep(String name, Duration interval, Function<Instant, Uni<Boolean>> round) {
        this.periodic = new Periodic(name, interval, interval, () -> {
            try {
                return VertxContextSupport.subscribeAndAwait(() -> round.apply(Instant.now()));
            } catch (Exception e) {
                throw e;
            } catch (Throwable t) {
                // an Error from the reactive pipeline: Periodic logs Exceptions and retries after its backoff
                throw new IllegalStateException(t);
            }
        });
    }

    public Sweep start() {
        periodic.start();
        return this;
    }

    @Override
    public void close() throws InterruptedException {
        periodic.close();
    }
}
