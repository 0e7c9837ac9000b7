package io.windbell.platform.paging;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import io.windbell.platform.problem.Problem;
import io.windbell.platform.problem.ProblemException;
import io.windbell.platform.problem.Violation;

/**
 * Parses the query parameters of the read API and collects every invalid one, so a client learns about all of them in
 * one 400 answer. Parameters arrive as strings: JAX-RS would answer a malformed number or date with a bare 404.
 */
public final class QueryParams {

    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 200;

    private final List<Violation> violations = new ArrayList<>();

    /** An ISO-8601 instant ({@code 2025-03-01T08:00:00Z}, {@code 2025-03-01T16:00:00+08:00}) or a UTC date. */
    public Instant instant(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            try {
                return LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant();
            } catch (DateTimeParseException notADate) {
                violations.add(new Violation(field, "must be an ISO-8601 instant, e.g. 2025-03-01T08:00:00Z"));
                return null;
            }
        }
    }

    /** The page size: {@value #DEFAULT_LIMIT} when absent, at most {@value #MAX_LIMIT}. */
    public int limit(String value) {
        if (value == null || value.isBlank()) {
            return DEFAULT_LIMIT;
        }
        try {
            int limit = Integer.parseInt(value.trim());
            if (limit >= 1 && limit <= MAX_LIMIT) {
                return limit;
            }
        } catch (NumberFormatException e) {
            // the same answer as an out-of-range number
        }
        violations.add(new Violation("limit", "must be an integer between 1 and " + MAX_LIMIT));
        return DEFAULT_LIMIT;
    }

    /** A value of an enum, case-insensitive. */
    public <E extends Enum<E>> E oneOf(String field, String value, Class<E> type) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            violations.add(new Violation(field, "must be one of " + List.of(type.getEnumConstants())));
            return null;
        }
    }

    public UUID uuid(String field, String value) {
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException | NullPointerException e) {
            violations.add(new Violation(field, "must be a UUID"));
            return null;
        }
    }

    /** A half-open window [from, to): {@code from} after {@code to} is invalid. */
    public void window(Instant from, Instant to) {
        if (from != null && to != null && from.isAfter(to)) {
            violations.add(new Violation("from", "must not be after to"));
        }
    }

    /** Like {@link #window}, and the window may not be longer than {@code max}. */
    public void window(Instant from, Instant to, Duration max) {
        window(from, to);
        if (from != null && to != null && Duration.between(from, to).compareTo(max) > 0) {
            violations.add(new Violation("to", "the window may span at most " + max.toDays() + " days"));
        }
    }

    /** Throws a 400 problem listing every violation collected so far. */
    public void check() {
        if (!violations.isEmpty()) {
            throw new ProblemException(Problem
                    .of("invalid-request", "Invalid request", 400, violations.size() + " parameter(s) are invalid")
                    .withViolations(violations));
        }
    }

    /** The (time, uuid) keyset a cursor of this API carries; a 400 when it is not one. */
    public static Keyset keyset(String cursor) {
        if (cursor == null || cursor.isBlank()) {
            return null;
        }
        List<String> keys = Cursor.decode(cursor, 2);
        try {
            return new Keyset(Instant.parse(keys.get(0)), UUID.fromString(keys.get(1)));
        } catch (RuntimeException e) {
            throw Cursor.invalidCursor();
        }
    }

    /** The sort key of the last row of a page: rows after it, in descending order, make up the next page. */
    public record Keyset(Instant at, UUID id) {

        public String encode() {
            return Cursor.encode(at.toString(), id.toString());
        }
    }
}
