package io.windbell.loadgen.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Iterator;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The messaging kit's counters in a service's readiness data ({@code /q/health/ready} on the management port, no
 * token): the data of the {@code windbell-messaging} check, counted for one channel (applied + skipped + dead-lettered)
 * or for all of them, remembering the last answer. Replaces bench.py's {@code messaging_data}, {@code channel_done},
 * {@code all_channels_done} and the {@code poll} closures of the health subcommands.
 */
final class MessagingProbe implements Poller.Probe {

    private static final Duration TIMEOUT = Duration.ofSeconds(5);
    private static final Set<String> DONE = Set.of("applied", "skipped", "dead-lettered");

    private final HttpClient http;
    private final String url;
    private final String channel;
    private ObjectNode seen;

    /** Counts {@code channel}, or every channel when it is null. */
    MessagingProbe(HttpClient http, String url, String channel) {
        this.http = http;
        this.url = url;
        this.channel = channel;
    }

    static HttpClient newClient() {
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(TIMEOUT)
                .followRedirects(HttpClient.Redirect.NORMAL).build();
    }

    @Override
    public OptionalLong count() throws InterruptedException {
        ObjectNode data = fetch(http, url);
        if (data != null && !data.isEmpty()) {
            seen = data;
        }
        return channel == null ? allChannelsDone(seen) : channelDone(seen, channel);
    }

    /** The last non-empty data, or null. */
    ObjectNode seen() {
        return seen;
    }

    /**
     * The data of the windbell-messaging check at {@code url} (empty when the check has none), or null when nothing
     * answers or there is no such check. A 503 (starting, a check down) still carries the counters.
     */
    static ObjectNode fetch(HttpClient http, String url) throws InterruptedException {
        byte[] body;
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(TIMEOUT).GET().build();
            body = http.send(request, HttpResponse.BodyHandlers.ofByteArray()).body();
        } catch (IOException | IllegalArgumentException e) {
            return null;
        }
        JsonNode health = PollJson.parse(body);
        if (health == null || !health.isObject()) {
            return null;
        }
        JsonNode checks = health.path("checks");
        for (JsonNode check : checks.isArray() ? checks : PyJson.NODES.arrayNode()) {
            if ("windbell-messaging".equals(check.path("name").textValue())) {
                return check.get("data") instanceof ObjectNode data ? data : PyJson.object();
            }
        }
        return null;
    }

    /** applied + skipped (redelivered, claimed before) + dead-lettered of one channel, or empty. */
    static OptionalLong channelDone(ObjectNode data, String channel) {
        if (data == null || !data.has(channel + ".applied")) {
            return OptionalLong.empty();
        }
        long sum = 0;
        for (String kind : new String[] { "applied", "skipped", "dead-lettered" }) {
            sum += PollJson.toLong(data.get(channel + "." + kind));
        }
        return OptionalLong.of(sum);
    }

    /** applied + skipped + dead-lettered over every channel, or empty. */
    static OptionalLong allChannelsDone(ObjectNode data) {
        if (data == null) {
            return OptionalLong.empty();
        }
        long sum = 0;
        for (Iterator<Map.Entry<String, JsonNode>> it = data.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> field = it.next();
            String key = field.getKey();
            if (DONE.contains(key.substring(key.lastIndexOf('.') + 1))) {
                sum += PollJson.toLong(field.getValue());
            }
        }
        return OptionalLong.of(sum);
    }
}
