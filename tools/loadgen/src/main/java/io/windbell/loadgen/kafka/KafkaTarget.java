package io.windbell.loadgen.kafka;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Kafka bootstrap servers on this machine. Like {@link io.windbell.loadgen.http.LocalTarget} for HTTP, every other host
 * is refused: the tool writes to a broker only on the machine it runs on.
 *
 * @param servers
 *            {@code host:port} entries, hosts {@code localhost} or {@code 127.0.0.1} only
 */
public record KafkaTarget(List<String> servers) {

    static final Set<String> ALLOWED_HOSTS = Set.of("localhost", "127.0.0.1");

    public KafkaTarget {
        servers = List.copyOf(servers);
    }

    /** {@code host:port[,host:port...]}; throws {@link IllegalArgumentException} saying what is wrong. */
    public static KafkaTarget parse(String bootstrap) {
        List<String> servers = new ArrayList<>();
        for (String raw : bootstrap.split(",")) {
            String entry = raw.trim();
            int colon = entry.lastIndexOf(':');
            if (entry.isEmpty() || colon <= 0 || colon == entry.length() - 1 || entry.contains("/")) {
                throw new IllegalArgumentException("--bootstrap takes host:port[,host:port], not '" + bootstrap + "'");
            }
            String host = entry.substring(0, colon).toLowerCase(Locale.ROOT);
            if (!ALLOWED_HOSTS.contains(host)) {
                throw new IllegalArgumentException("refusing Kafka host '" + entry.substring(0, colon)
                        + "': only localhost and 127.0.0.1 may be targeted");
            }
            int port;
            try {
                port = Integer.parseInt(entry.substring(colon + 1));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("not a port in --bootstrap: '" + entry + "'");
            }
            if (port < 1 || port > 65_535) {
                throw new IllegalArgumentException("not a port in --bootstrap: '" + entry + "'");
            }
            servers.add(host + ":" + port);
        }
        return new KafkaTarget(servers);
    }

    @Override
    public String toString() {
        return String.join(",", servers);
    }
}
