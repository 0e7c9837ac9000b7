package io.windbell.loadgen.engine;

/**
 * What came back for one request: an HTTP status, or an I/O failure (status 0) named by its exception type;
 * {@code freshConnection} when the request was the first on a connection the client had just opened (its latency
 * includes the TCP connect).
 */
public record Response(int status, String failure, boolean freshConnection) {

    public static Response status(int status) {
        return new Response(status, null, false);
    }

    public static Response status(int status, boolean freshConnection) {
        return new Response(status, null, freshConnection);
    }

    public static Response failed(Throwable cause) {
        return new Response(0, cause.getClass().getSimpleName(), false);
    }

    /** True for any 2xx answer (202, and 207 with per-item results). */
    public boolean ok() {
        return status >= 200 && status < 300;
    }

    public boolean ioFailure() {
        return status == 0;
    }
}
