package io.windbell.loadgen;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;

import io.windbell.contracts.touchpoint.TouchpointRecorded;
import io.windbell.loadgen.catalog.Catalog;
import io.windbell.loadgen.cli.Settings;
import io.windbell.loadgen.events.EventIds;
import io.windbell.loadgen.events.EventJson;
import io.windbell.loadgen.sim.PlannedEvent;
import io.windbell.loadgen.sim.Population;
import io.windbell.loadgen.sim.TrafficGenerator;

/**
 * {@code payloads}: simulated events as ingest publishes them to Kafka (with {@code receivedAt}), one JSON per line,
 * for {@code kafka-producer-perf-test --payload-file}.
 */
final class PayloadFile {

    private PayloadFile() {
    }

    static Map<String, Object> write(Settings s, Catalog catalog, PrintStream err) throws LoadGenException {
        TrafficGenerator generator = new TrafficGenerator(catalog, new Population(s.customers(), s.seed()),
                s.profile().deliveredOnce(), 200, s.seed(), EventIds::next, Long.MAX_VALUE);
        OffsetDateTime start = OffsetDateTime.now().truncatedTo(ChronoUnit.MILLIS);
        long bytes = 0;
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(s.out()))) {
            for (int i = 0; i < s.count(); i++) {
                PlannedEvent planned = generator.next();
                OffsetDateTime occurred = start.plusNanos(planned.occurredMillis() * 1_000_000);
                TouchpointRecorded event = EventJson.at(planned.event(), occurred);
                byte[] line = EventJson.published(event, occurred.toInstant().plusMillis(3 + i % 40));
                out.write(line);
                out.write('\n');
                bytes += line.length;
            }
        } catch (IOException e) {
            throw new LoadGenException("cannot write " + s.out() + ": " + e.getMessage(), e);
        }
        double average = Math.round(bytes * 10.0 / s.count()) / 10.0;
        err.printf("[payloads] wrote %d events to %s, average %.1f bytes%n", s.count(), s.out(), average);
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("command", "payloads");
        json.put("count", s.count());
        json.put("out", s.out().toString());
        json.put("totalBytes", bytes);
        json.put("avgBytes", average);
        json.put("seed", s.seed());
        return json;
    }
}
