package io.windbell.loadgen.sim;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;

import io.windbell.contracts.touchpoint.TouchpointRecorded;
import io.windbell.loadgen.cli.Kind;
import io.windbell.loadgen.engine.Payload;
import io.windbell.loadgen.engine.Planned;
import io.windbell.loadgen.engine.Schedule;
import io.windbell.loadgen.events.EventJson;

/**
 * Turns the simulated timeline into open-loop requests: each event at its own time, or batches that leave when full or
 * when their first event has waited the linger time, as a channel app's sender would. Ends at the horizon.
 */
public final class SimulationSchedule implements Schedule {

    private final TrafficGenerator generator;
    private final int batchSize;
    private final long lingerMillis;
    private final long horizonMillis;
    private final long maxRequests;
    private final OffsetDateTime wallStart;

    private Planned next;
    private long produced;

    /**
     * @param wallStart
     *            the wall-clock time of simulated millisecond 0: events carry {@code wallStart + occurredMillis} as
     *            their {@code occurredAt} (a late or repeated send keeps the time the event happened)
     */
    public SimulationSchedule(TrafficGenerator generator, int batchSize, long lingerMillis, long horizonMillis,
            long maxRequests, OffsetDateTime wallStart) {
        this.generator = generator;
        this.batchSize = batchSize;
        this.lingerMillis = lingerMillis;
        this.horizonMillis = horizonMillis;
        this.maxRequests = maxRequests;
        this.wallStart = wallStart;
    }

    @Override
    public boolean hasNext() {
        if (next == null && produced < maxRequests) {
            next = take();
        }
        return next != null;
    }

    @Override
    public long peekNanos() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        return next.atNanos();
    }

    @Override
    public Planned next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        Planned planned = next;
        next = null;
        produced++;
        return planned;
    }

    private Planned take() {
        if (generator.peek().atMillis() >= horizonMillis) {
            return null;
        }
        PlannedEvent first = generator.next();
        List<TouchpointRecorded> events = new ArrayList<>();
        events.add(stamp(first));
        long at = first.atMillis();
        if (batchSize > 1) {
            long deadline = Math.min(first.atMillis() + lingerMillis, horizonMillis);
            while (events.size() < batchSize && generator.peek().atMillis() <= deadline
                    && generator.peek().atMillis() < horizonMillis) {
                PlannedEvent e = generator.next();
                events.add(stamp(e));
                at = e.atMillis();
            }
            at = events.size() == batchSize ? at : deadline;
            List<TouchpointRecorded> batch = List.copyOf(events);
            return new Planned(at * 1_000_000,
                    () -> new Payload(Kind.BATCH.path(), EventJson.batch(batch), batch.size()));
        }
        TouchpointRecorded event = events.getFirst();
        return new Planned(at * 1_000_000, () -> new Payload(Kind.SINGLE.path(), EventJson.single(event), 1));
    }

    private TouchpointRecorded stamp(PlannedEvent e) {
        return EventJson.at(e.event(), wallStart.plusNanos(e.occurredMillis() * 1_000_000));
    }
}
