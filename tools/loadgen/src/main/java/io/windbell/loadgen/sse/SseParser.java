package io.windbell.loadgen.sse;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

/**
 * Splits a {@code text/event-stream} body, fed in arbitrary chunks, into events (the WHATWG rules the stream needs:
 * {@code \n}, {@code \r\n} or {@code \r} line ends, comments, {@code event}, {@code id}, multi-line {@code data}; an
 * event is dispatched at an empty line). Not thread-safe: one per stream, fed on its event loop.
 */
public final class SseParser {

    /** One dispatched event; {@code event} is {@code message} when the stream named none. */
    public record Event(String event, String id, String data) {
    }

    private final Consumer<Event> sink;
    private final ByteArrayOutputStream line = new ByteArrayOutputStream(256);
    private boolean lastWasCr;
    private String event;
    private String id;
    private StringBuilder data;

    public SseParser(Consumer<Event> sink) {
        this.sink = sink;
    }

    public void feed(byte[] chunk) {
        for (byte b : chunk) {
            if (b == '\n' && lastWasCr) {
                lastWasCr = false;
                continue;
            }
            lastWasCr = b == '\r';
            if (b == '\n' || b == '\r') {
                line(line.toString(StandardCharsets.UTF_8));
                line.reset();
            } else {
                line.write(b);
            }
        }
    }

    private void line(String text) {
        if (text.isEmpty()) {
            if (data != null) {
                sink.accept(new Event(event == null ? "message" : event, id, data.toString()));
            }
            event = null;
            data = null;
            return;
        }
        if (text.startsWith(":")) {
            return;
        }
        int colon = text.indexOf(':');
        String field = colon < 0 ? text : text.substring(0, colon);
        String value = colon < 0 ? "" : text.substring(colon + (text.startsWith(" ", colon + 1) ? 2 : 1));
        switch (field) {
        case "event" -> event = value;
        case "id" -> id = value;
        case "data" -> data = data == null ? new StringBuilder(value) : data.append('\n').append(value);
        default -> {
            // retry and unknown fields do not matter to the measurement
        }
        }
    }
}
