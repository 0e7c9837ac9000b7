package io.windbell.loadgen.events;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import io.windbell.contracts.touchpoint.TouchpointRecorded;
import io.windbell.loadgen.cli.Kind;
import io.windbell.loadgen.engine.Payload;
import io.windbell.loadgen.sim.TrafficGenerator;

/**
 * Request bodies for the throughput benchmarks: realistic events taken from the simulator in its order, but sent as
 * fast as the benchmark asks, each stamped with the moment it is built and carrying a fresh event id.
 */
public final class BenchPayloads implements Supplier<Payload> {

    private final TrafficGenerator generator;
    private final Kind kind;
    private final int batchSize;
    private final ZoneId zone;

    public BenchPayloads(TrafficGenerator generator, Kind kind, int batchSize, ZoneId zone) {
        this.generator = generator;
        this.kind = kind;
        this.batchSize = batchSize;
        this.zone = zone;
    }

    @Override
    public Payload get() {
        OffsetDateTime now = OffsetDateTime.now(zone).truncatedTo(ChronoUnit.MILLIS);
        if (kind == Kind.SINGLE) {
            return new Payload(kind.path(), EventJson.single(EventJson.at(generator.next().event(), now)), 1);
        }
        List<TouchpointRecorded> batch = new ArrayList<>(batchSize);
        for (int i = 0; i < batchSize; i++) {
            batch.add(EventJson.at(generator.next().event(), now));
        }
        return new Payload(kind.path(), EventJson.batch(batch), batchSize);
    }
}
