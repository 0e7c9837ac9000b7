package io.windbell.notification.stream;

import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Multi;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.mutiny.core.Vertx;

/**
 * The streams connected to this replica, by employee: where a NOTIFY for an employee goes, and the one ticker that
 * sends every stream its heartbeat (no timer per stream). The ticker beats one of {@value #SLICES} slices of the
 * streams per tick, a tick every heartbeat ÷ {@value #SLICES}: each stream still gets one heartbeat a period, and
 * 10,000 streams never get theirs in one burst of writes on the event loops, ahead of the pushes queued behind it.
 */
@ApplicationScoped
public class StreamRegistry {

    /** The first event of every stream ({@code event: ready}, no id). */
    public record Ready(String employeeId, long lastSeq) {
    }

    /** Heartbeat slices: a stream's slice is the order it opened in, modulo this. */
    static final int SLICES = 30;

    private final ConcurrentHashMap<String, List<LiveStream>> byEmployee = new ConcurrentHashMap<>();
    private final AtomicInteger count = new AtomicInteger();
    private final AtomicInteger opened = new AtomicInteger();
    private int tick;
    private final StreamFeed feed;
    private final DeliveredMarks marks;
    private final StreamConfig config;
    private final Vertx vertx;
    private final ObjectMapper json;
    private volatile OutboundSseEvent heartbeat;
    private long heartbeatTimer = -1;

    StreamRegistry(StreamFeed feed, DeliveredMarks marks, StreamConfig config, Vertx vertx, ObjectMapper json) {
        this.feed = feed;
        this.marks = marks;
        this.config = config;
        this.vertx = vertx;
        this.json = json;
    }

    void onStart(@Observes StartupEvent event) {
        heartbeatTimer = vertx.setPeriodic(Math.max(1, config.heartbeat().toMillis() / SLICES), id -> beat());
    }

    void onStop(@Observes ShutdownEvent event) {
        if (heartbeatTimer >= 0) {
            vertx.cancelTimer(heartbeatTimer);
        }
    }

    /**
     * A new stream of {@code employeeId} that sends {@code ready}, then every item after {@code cursor}, then every
     * item as it commits, until its client leaves.
     */
    public Multi<OutboundSseEvent> open(String employeeId, long cursor, long lastSeq, Sse sse,
            HttpServerResponse response) {
        String ready = write(new Ready(employeeId, lastSeq));
        if (heartbeat == null) {
            // an SSE comment line ": heartbeat"; the same immutable event for every stream
            heartbeat = sse.newEventBuilder().comment(" heartbeat").build();
        }
        return Multi.createFrom().<OutboundSseEvent> emitter(emitter -> {
            LiveStream stream = new LiveStream(this, employeeId, cursor, emitter, sse, response, config.buffer(),
                    Math.floorMod(opened.getAndIncrement(), SLICES));
            // registered before its first read: an item that commits meanwhile is either read or notified
            add(stream);
            emitter.onTermination(() -> remove(stream));
            emitter.onRequest(stream::requested);
            stream.start(ready);
        }, config.buffer());
    }

    /** Item {@code seq} of {@code employeeId} committed (on any replica). */
    void notified(String employeeId, long seq) {
        List<LiveStream> streams = byEmployee.get(employeeId);
        if (streams != null) {
            streams.forEach(stream -> stream.notified(seq));
        }
    }

    /** Every local stream reads again from its cursor (after the LISTEN connection was lost: NOTIFYs were missed). */
    void wakeAll() {
        byEmployee.values().forEach(streams -> streams.forEach(LiveStream::wake));
    }

    /** How many streams this replica holds. */
    public int count() {
        return count.get();
    }

    /** How many streams this replica holds for {@code employeeId}. */
    public int count(String employeeId) {
        var streams = byEmployee.get(employeeId);
        return streams == null ? 0 : streams.size();
    }

    StreamFeed feed() {
        return feed;
    }

    DeliveredMarks marks() {
        return marks;
    }

    /** One tick: the streams of the next slice get their heartbeat (the timer never runs two ticks at once). */
    private void beat() {
        OutboundSseEvent event = heartbeat;
        int slice = tick;
        tick = (tick + 1) % SLICES;
        if (event != null) {
            byEmployee.values().forEach(streams -> streams.forEach(stream -> {
                if (stream.slice() == slice) {
                    stream.beat(event);
                }
            }));
        }
    }

    private void add(LiveStream stream) {
        byEmployee.compute(stream.employeeId(), (employee, streams) -> {
            List<LiveStream> list = streams == null ? new CopyOnWriteArrayList<>() : streams;
            list.add(stream);
            return list;
        });
        count.incrementAndGet();
    }

    private void remove(LiveStream stream) {
        stream.closed();
        byEmployee.computeIfPresent(stream.employeeId(), (employee, streams) -> {
            if (streams.remove(stream)) {
                count.decrementAndGet();
            }
            return streams.isEmpty() ? null : streams;
        });
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            // a record of a string and a number always serializes
            throw new IllegalStateException(e);
        }
    }
}
