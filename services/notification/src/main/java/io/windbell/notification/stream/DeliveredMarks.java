package io.windbell.notification.stream;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;

/**
 * Collects the items that went out on a stream and sets their {@code delivered_at} in one statement per flush (every
 * {@code windbell.notification.stream.delivered-flush}), not one write per item and stream on the push path. The
 * instant written is the flush's, at most one interval late; an item already delivered keeps its first instant.
 */
@ApplicationScoped
public class DeliveredMarks {

    private static final Logger LOG = Logger.getLogger(DeliveredMarks.class);
    /** The most items one statement marks; more wait for the next round. */
    private static final int MAX_BATCH = 5_000;

    private record Mark(String employeeId, long seq) {
    }

    private final ConcurrentLinkedQueue<Mark> pending = new ConcurrentLinkedQueue<>();
    private final StreamFeed feed;
    private final Vertx vertx;
    private final StreamConfig config;
    private long timerId = -1;
    private volatile boolean flushing;

    DeliveredMarks(StreamFeed feed, Vertx vertx, StreamConfig config) {
        this.feed = feed;
        this.vertx = vertx;
        this.config = config;
    }

    void onStart(@Observes StartupEvent event) {
        timerId = vertx.setPeriodic(config.deliveredFlush().toMillis(), id -> flush().subscribe().with(n -> {
        }, e -> LOG.warnf("could not record deliveries on streams, retrying: %s", e.getMessage())));
    }

    void onStop(@Observes ShutdownEvent event) {
        if (timerId >= 0) {
            vertx.cancelTimer(timerId);
        }
    }

    /** The item {@code seq} of {@code employeeId} went out on a stream. */
    public void delivered(String employeeId, long seq) {
        pending.add(new Mark(employeeId, seq));
    }

    /** Writes what has been collected; the marks of a failed write are collected again. */
    Uni<Integer> flush() {
        if (flushing || pending.isEmpty()) {
            return Uni.createFrom().item(0);
        }
        flushing = true;
        List<Mark> batch = new ArrayList<>();
        for (Mark mark = pending.poll(); mark != null; mark = batch.size() < MAX_BATCH ? pending.poll() : null) {
            batch.add(mark);
        }
        String[] employees = batch.stream().map(Mark::employeeId).toArray(String[]::new);
        Long[] seqs = batch.stream().map(Mark::seq).toArray(Long[]::new);
        return feed.markDelivered(employees, seqs, Instant.now()).onFailure().invoke(e -> pending.addAll(batch))
                .eventually(() -> flushing = false);
    }
}
