package io.windbell.gateway.proxy;

import io.vertx.core.MultiMap;

/**
 * The headers every answer of the gateway carries unless the service set its own (the survey page and the inbox page
 * set a tighter Content-Security-Policy): no sniffing, no framing, no referrer to other sites, and HSTS behind TLS.
 */
public final class SecurityHeaders {

    /** For answers that set none: nothing may load from elsewhere, nothing may frame it. */
    static final String DEFAULT_CSP = "default-src 'none'; frame-ancestors 'none'";

    private SecurityHeaders() {
    }

    public static void addMissing(MultiMap headers, boolean tls) {
        setIfAbsent(headers, "X-Content-Type-Options", "nosniff");
        setIfAbsent(headers, "X-Frame-Options", "DENY");
        setIfAbsent(headers, "Referrer-Policy", "no-referrer");
        setIfAbsent(headers, "Content-Security-Policy", DEFAULT_CSP);
        if (tls) {
            setIfAbsent(headers, "Strict-Transport-Security", "max-age=31536000; includeSubDomains");
        }
    }

    private static void setIfAbsent(MultiMap headers, String name, String value) {
        if (!headers.contains(name)) {
            headers.set(name, value);
        }
    }
}
