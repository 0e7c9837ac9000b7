package io.windbell.notification.stream;

import java.util.List;

import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;

import org.jboss.logging.Logger;

import io.smallrye.mutiny.subscription.MultiEmitter;
import io.vertx.core.http.HttpServerResponse;

/**
 * One connected stream: a cursor (the last seq it sent) and a bounded buffer, nothing else. Whatever wakes it (its
 * start, a NOTIFY for its employee, the LISTEN connection coming back, its client taking events) makes it read the
 * items after its cursor from the database and send them in seq order; one read at a time, and a wake-up during a read
 * makes one more read. It reads only as much as its buffer has room for: a slow client lags behind in the database, not
 * in memory.
 */
final class LiveStream {

    private static final Logger LOG = Logger.getLogger(LiveStream.class);
    /** Buffer slots no read may fill: a heartbeat always fits (the emitter fails at capacity - 1). */
    private static final int RESERVED = 2;
    /** Heartbeats in a row without the client taking anything before the stream is dropped. */
    private static final int SILENT_BEATS = 2;

    private final StreamRegistry registry;
    private final String employeeId;
    private final MultiEmitter<? super OutboundSseEvent> emitter;
    private final Sse sse;
    private final HttpServerResponse response;
    private final int capacity;
    private final int slice;

    // guarded by this
    private long cursor;
    private long emitted;
    private long requested;
    private boolean reading;
    private boolean again;
    private boolean waitingForRoom;
    private boolean closed;
    private boolean tookSinceBeat;
    private int silentBeats;

    LiveStream(StreamRegistry registry, String employeeId, long cursor, MultiEmitter<? super OutboundSseEvent> emitter,
            Sse sse, HttpServerResponse response, int capacity, int slice) {
        this.registry = registry;
        this.employeeId = employeeId;
        this.cursor = cursor;
        this.emitter = emitter;
        this.sse = sse;
        this.response = response;
        this.capacity = capacity;
        this.slice = slice;
        this.requested = emitter.requested();
    }

    String employeeId() {
        return employeeId;
    }

    /** Its heartbeat slice (StreamRegistry). */
    int slice() {
        return slice;
    }

    /** Sends the {@code ready} event, then the replay. */
    void start(String readyJson) {
        send(sse.newEventBuilder().name("ready").data(String.class, readyJson).build());
        wake();
    }

    /** Item {@code seq} of this employee committed: read it unless this stream has sent it already. */
    void notified(long seq) {
        synchronized (this) {
            if (seq <= cursor && !reading) {
                return;
            }
        }
        wake();
    }

    /** The client took {@code n} more events (the writer asks for the next one when a write completed). */
    void requested(long n) {
        boolean resume;
        synchronized (this) {
            requested += n;
            tookSinceBeat = true;
            resume = waitingForRoom;
            waitingForRoom = false;
        }
        if (resume) {
            wake();
        }
    }

    /** A heartbeat; or, when the client has taken nothing for {@value #SILENT_BEATS} of them, the end of the stream. */
    void beat(OutboundSseEvent heartbeat) {
        boolean stalled;
        synchronized (this) {
            if (closed) {
                return;
            }
            silentBeats = tookSinceBeat || queued() == 0 ? 0 : silentBeats + 1;
            tookSinceBeat = false;
            stalled = silentBeats >= SILENT_BEATS;
        }
        if (stalled) {
            LOG.debugf("dropping a stream of %s: its client took nothing for %d heartbeats", employeeId, SILENT_BEATS);
            drop();
        } else {
            send(heartbeat);
        }
    }

    /** Reads what is after the cursor, now or right after the read under way. */
    void wake() {
        synchronized (this) {
            if (closed) {
                return;
            }
            again = true;
            if (reading) {
                return;
            }
            reading = true;
        }
        read();
    }

    private void read() {
        long from;
        int room;
        synchronized (this) {
            again = false;
            room = capacity - RESERVED - queued();
            if (closed || room <= 0) {
                reading = false;
                waitingForRoom = !closed;
                return;
            }
            from = cursor;
        }
        int asked = room;
        registry.feed().after(employeeId, from, asked).subscribe().with(items -> {
            sendAll(items);
            boolean more;
            synchronized (this) {
                more = !closed && (items.size() == asked || again);
                reading = more;
            }
            if (more) {
                read();
            }
        }, failure -> {
            LOG.warnf("a stream of %s could not read its inbox, dropping it (its client resumes): %s", employeeId,
                    failure.getMessage());
            drop();
        });
    }

    private void sendAll(List<StreamFeed.Item> items) {
        for (StreamFeed.Item item : items) {
            synchronized (this) {
                cursor = item.seq();
            }
            send(sse.newEventBuilder().id(Long.toString(item.seq())).name("inbox-item").data(String.class, item.json())
                    .build());
            registry.marks().delivered(employeeId, item.seq());
        }
    }

    private void send(OutboundSseEvent event) {
        synchronized (this) {
            if (closed) {
                return;
            }
            emitted++;
        }
        emitter.emit(event);
    }

    /** Ends the stream and closes its connection; the client reconnects with its Last-Event-ID. */
    void drop() {
        closed();
        emitter.complete();
        response.close();
    }

    /** The stream ended (its client left, or it was dropped): it sends nothing more. */
    synchronized void closed() {
        closed = true;
    }

    /** Events handed to the emitter that the client has not asked for yet. */
    private int queued() {
        return (int) Math.max(0, emitted - requested);
    }
}
