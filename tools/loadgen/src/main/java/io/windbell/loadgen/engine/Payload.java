package io.windbell.loadgen.engine;

/** One HTTP request body ready to send: the path under the base URL, the JSON bytes and how many events it carries. */
public record Payload(String path, byte[] body, int events) {
}
