package io.windbell.loadgen.engine;

import java.util.function.Supplier;

/**
 * One request of an open-loop schedule: when it is intended to start (nanoseconds after the run starts) and how to
 * build its body, which happens only when it is actually sent.
 */
public record Planned(long atNanos, Supplier<Payload> payload) {
}
