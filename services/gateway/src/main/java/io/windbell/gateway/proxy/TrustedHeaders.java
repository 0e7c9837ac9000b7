package io.windbell.gateway.proxy;

import java.util.List;
import java.util.Locale;

import io.vertx.core.MultiMap;

/**
 * The headers only the gateway may set. Whatever a caller sent under these names is dropped before the request goes
 * upstream, then the gateway writes its own: the forwarding chain (what it saw, not what it was told), the request id.
 * Services authorize from the token, never from a header, but a service behind a trusting proxy configuration would
 * take {@code X-Forwarded-For} as the client's address, and path-override headers have rewritten routes elsewhere.
 */
public final class TrustedHeaders {

    /** Dropped by exact name. */
    private static final List<String> NAMES = List.of("forwarded", "x-real-ip", "x-original-url", "x-rewrite-url",
            "x-http-method-override", "x-original-method", "x-client-ip", "true-client-ip", "x-request-id");
    /** Dropped by prefix. */
    private static final List<String> PREFIXES = List.of("x-forwarded-", "x-windbell-");

    private TrustedHeaders() {
    }

    /** Drops every inbound header the gateway alone may set. */
    public static void strip(MultiMap headers) {
        List<String> names = headers.names().stream().filter(TrustedHeaders::gatewayOnly).toList();
        names.forEach(headers::remove);
    }

    static boolean gatewayOnly(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return NAMES.contains(lower) || PREFIXES.stream().anyMatch(lower::startsWith);
    }

    /** Writes the gateway's own: forwarding chain, request id and the client it authenticated (for the logs). */
    public static void set(MultiMap headers, String clientAddress, String scheme, String host, String prefix,
            String requestId) {
        headers.set("X-Forwarded-For", clientAddress);
        headers.set("X-Forwarded-Proto", scheme);
        if (host != null) {
            headers.set("X-Forwarded-Host", host);
        }
        if (prefix != null) {
            headers.set("X-Forwarded-Prefix", prefix);
        }
        headers.set(RequestIds.HEADER, requestId);
    }
}
