package io.windbell.loadgen.http;

/** The bearer token to send with each request, or null to send none. */
public interface TokenSource {

    TokenSource NONE = () -> null;

    String current();

    static TokenSource fixed(String token) {
        return () -> token;
    }
}
