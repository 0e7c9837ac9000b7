package io.windbell.platform.problem;

/** One invalid field: its JSON path (e.g. {@code items[3].occurredAt}) and what is wrong with it. */
public record Violation(String field, String message) {
}
