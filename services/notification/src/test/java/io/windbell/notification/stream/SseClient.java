package io.windbell.notification.stream;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A real Server-Sent Events client over {@code java.net.http}: reads the stream line by line as a browser does and
 * hands out each event (or comment) as it arrives.
 */
public final class SseClient implements AutoCloseable {

    /** A hang guard only: every wait ends as soon as the event is there. */
    public static final Duration GUARD = Duration.ofSeconds(30);
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    /** One dispatched event; {@code comment} is set (and nothing else) for a comment line. */
    public record Event(String id, String name, String data, String comment) {
    }

    private final LinkedBlockingQueue<Event> events = new LinkedBlockingQueue<>();
    private final HttpResponse<Stream<String>> response;
    private final Thread reader;

    private SseClient(HttpResponse<Stream<String>> response) {
        this.response = response;
        this.reader = Thread.ofVirtual().start(this::read);
    }

    /** Opens the stream at {@code uri} with these request headers; answers once the 200 and its headers are in. */
    public static SseClient open(URI uri, Map<String, String> headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).header("Accept", "text/event-stream").GET();
        headers.forEach(request::header);
        CompletableFuture<HttpResponse<Stream<String>>> answer = HTTP.sendAsync(request.build(),
                HttpResponse.BodyHandlers.ofLines());
        HttpResponse<Stream<String>> response = answer.get(GUARD.toSeconds(), TimeUnit.SECONDS);
        if (response.statusCode() != 200) {
            response.body().close();
            throw new AssertionError("the stream answered " + response.statusCode());
        }
        return new SseClient(response);
    }

    String contentType() {
        return response.headers().firstValue("Content-Type").orElse("");
    }

    /** The next event or comment. */
    Event next() throws InterruptedException {
        Event event = events.poll(GUARD.toSeconds(), TimeUnit.SECONDS);
        if (event == null) {
            throw new AssertionError("no event within the hang guard");
        }
        return event;
    }

    /** The next event, skipping heartbeats. */
    public Event nextEvent() throws InterruptedException {
        Event event = next();
        while (event.comment() != null) {
            event = next();
        }
        return event;
    }

    /** Whether an event (not a heartbeat) is waiting now. */
    public boolean hasEventWaiting() {
        return events.stream().anyMatch(e -> e.comment() == null);
    }

    private void read() {
        String id = null;
        String name = null;
        StringBuilder data = null;
        try (Stream<String> lines = response.body()) {
            for (String line : (Iterable<String>) lines::iterator) {
                if (line.isEmpty()) {
                    if (name != null || data != null || id != null) {
                        events.add(new Event(id, name, data == null ? null : data.toString(), null));
                    }
                    id = null;
                    name = null;
                    data = null;
                } else if (line.startsWith(":")) {
                    events.add(new Event(null, null, null, value(line, 1)));
                } else {
                    int colon = line.indexOf(':');
                    String field = colon < 0 ? line : line.substring(0, colon);
                    String value = colon < 0 ? "" : value(line, colon + 1);
                    switch (field) {
                    case "id" -> id = value;
                    case "event" -> name = value;
                    case "data" -> data = data == null ? new StringBuilder(value) : data.append('\n').append(value);
                    default -> {
                        // retry and unknown fields are not used by these tests
                    }
                    }
                }
            }
        } catch (RuntimeException closed) {
            // close() while reading
        }
    }

    /** A field's value: what follows the colon, without one leading space. */
    private static String value(String line, int from) {
        return line.startsWith(" ", from) ? line.substring(from + 1) : line.substring(from);
    }

    @Override
    public void close() {
        response.body().close();
        reader.interrupt();
    }
}
