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
import java.util.function.Predicate;

import io.windbell.contracts.Text;
import io.windbell.platform.problem.Problem;
import io.windbell.platform.problem.ProblemException;
import io.windbell.platform.problem.Violation;

/**
 * Parses the query and path parameters of the APIs and collects every invalid one, so a client learns about all of them
 * in one 400 answer. Parameters arrive as strings: JAX-RS would answer a malformed number or date with a bare 404, and
 * a value the database cannot hold (a NUL, a year 999999999) with a 500.
 * <p>
 * Every parameter of every service has passed {@link ParameterText} already (the {@link Text} rule); what is checked
 * here is each parameter's own rule: ids by {@link io.windbell.contracts.Identifiers}, instants within
 * [{@link #EARLIEST}, {@link #LATEST}], page sizes, enum values, numbers.
 */
public final class QueryParams {

    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 200;
    /** The earliest instant a filter or cursor may name: nothing Windbell stores is older. */
    public static final Instant EARLIEST = Instant.parse("1970-01-01T00:00:00Z");
    /** The latest instant a filter or cursor may name: the last one every database and client can represent. */
    public static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999999999Z");

    private final List<Violation> violations = new ArrayList<>();

    /**
     * An ISO-8601 instant ({@code 2025-03-01T08:00:00Z}, {@code 2025-03-01T16:00:00+08:00}) or a UTC date, between
     * 1970-01-01 and 9999-12-31.
     */
    public Instant instant(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        Instant at = parseInstant(value.trim());
        if (at == null) {
            violations.add(new Violation(field, "must be an ISO-8601 instant, e.g. 2025-03-01T08:00:00Z"));
        } else if (!inRange(at)) {
            violations.add(new Violation(field, "must be between 1970-01-01T00:00:00Z and 9999-12-31T23:59:59Z"));
            return null;
        }
        return at;
    }

    /** An instant or UTC date, or {@code null} when {@code value} is neither. */
    private static Instant parseInstant(String value) {
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            try {
                return LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant();
            } catch (java.time.DateTimeException notADate) {
                return null;
            }
        }
    }

    /** Whether {@code at} lies in [{@link #EARLIEST}, {@link #LATEST}]. */
    public static boolean inRange(Instant at) {
        return !at.isBefore(EARLIEST) && !at.isAfter(LATEST);
    }

    /**
     * An identifier or code by its rule from {@link io.windbell.contracts.Identifiers} (e.g.
     * {@code params.id("customerId", value, Identifiers::isCustomerId, Identifiers.CUSTOMER_ID_REGEX)}); {@code null}
     * when absent or blank, trimmed otherwise.
     */
    public String id(String field, String value, Predicate<String> rule, String regex) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String trimmed = value.trim();
        if (!rule.test(trimmed)) {
            violations.add(new Violation(field, "must match " + regex));
            return null;
        }
        return trimmed;
    }

    /** Like {@link #id}, but the parameter must be there (a path parameter, or a required filter). */
    public String requiredId(String field, String value, Predicate<String> rule, String regex) {
        if (value == null || value.isBlank()) {
            violations.add(new Violation(field, "is required"));
            return null;
        }
        return id(field, value, rule, regex);
    }

    /**
     * A path parameter that must follow an id rule, checked at once: {@code QueryParams.pathId("code", code,
     * Identifiers::isJourneyCode, Identifiers.JOURNEY_CODE_REGEX)}. A malformed id is a 400 naming the parameter, not a
     * lookup that fails further in.
     */
    public static String pathId(String field, String value, Predicate<String> rule, String regex) {
        QueryParams params = new QueryParams();
        String id = params.requiredId(field, value, rule, regex);
        params.check();
        return id;
    }

    /** A whole number of at least {@code min} (e.g. a version in a path). */
    public Integer integer(String field, String value, int min) {
        if (value == null || value.isBlank()) {
            violations.add(new Violation(field, "is required"));
            return null;
        }
        try {
            int number = Integer.parseInt(value.trim());
            if (number >= min) {
                return number;
            }
        } catch (NumberFormatException e) {
            // the same answer as an out-of-range number
        }
        violations.add(new Violation(field, "must be an integer of at least " + min));
        return null;
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

    /** A UUID in its canonical 36-character form ({@link UUID#fromString} would also take {@code 1-1-1-1-1}). */
    public UUID uuid(String field, String value) {
        if (value != null && value.length() == 36) {
            try {
                return UUID.fromString(value);
            } catch (IllegalArgumentException e) {
                // the same answer as a value of the wrong length
            }
        }
        violations.add(new Violation(field, "must be a UUID"));
        return null;
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
            Instant at = Instant.parse(keys.get(0));
            if (inRange(at)) {
                return new Keyset(at, UUID.fromString(keys.get(1)));
            }
        } catch (RuntimeException e) {
            // the same answer as an instant out of range
        }
        throw Cursor.invalidCursor();
    }

    /** The sort key of the last row of a page: rows after it, in descending order, make up the next page. */
    public record Keyset(Instant at, UUID id) {

        public String encode() {
            return Cursor.encode(at.toString(), id.toString());
        }
    }
}
