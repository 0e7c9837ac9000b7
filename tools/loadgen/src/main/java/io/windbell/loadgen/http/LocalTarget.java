package io.windbell.loadgen.http;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Set;

/**
 * An {@code http://} endpoint on this machine. The tool refuses every other host: it is a rule of the machines it runs
 * on, and a load generator must never be pointed at someone else's server by a typo.
 *
 * @param path
 *            the path of the URL without a trailing slash ({@code ""} for the root)
 */
public record LocalTarget(String host, int port, String path) {

    static final Set<String> ALLOWED_HOSTS = Set.of("localhost", "127.0.0.1");

    public static LocalTarget parse(String url) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("not a URL: " + url);
        }
        if (!"http".equalsIgnoreCase(uri.getScheme())) {
            throw new IllegalArgumentException("only http:// URLs are supported: " + url);
        }
        String host = uri.getHost() == null ? null : uri.getHost().toLowerCase(Locale.ROOT);
        if (host == null || !ALLOWED_HOSTS.contains(host)) {
            throw new IllegalArgumentException(
                    "refusing host '" + uri.getHost() + "': only localhost and 127.0.0.1" + " may be targeted");
        }
        if (uri.getUserInfo() != null || uri.getQuery() != null || uri.getFragment() != null) {
            throw new IllegalArgumentException("the URL must not carry user info, query or fragment: " + url);
        }
        String path = uri.getRawPath() == null ? "" : uri.getRawPath();
        while (path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        return new LocalTarget(host, uri.getPort() < 0 ? 80 : uri.getPort(), path);
    }

    /** The request URI for {@code relative} (which starts with a slash) under this target's path. */
    public String uri(String relative) {
        return path + relative;
    }

    @Override
    public String toString() {
        return "http://" + host + ":" + port + path;
    }
}
