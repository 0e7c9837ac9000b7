package io.windbell.workorder.directory;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import java.util.regex.Pattern;

import io.windbell.platform.problem.Violation;

/** Checks the fields of one {@link ImportRow} and adds a violation per bad field, named by row and column. */
final class RowCheck {

    private final ImportRow row;
    private final List<Violation> violations;

    RowCheck(ImportRow row, List<Violation> violations) {
        this.row = row;
        this.violations = violations;
    }

    /** An id by its rule from {@code Identifiers}; {@code null} when absent (a violation when required) or invalid. */
    String id(String column, Predicate<String> rule, String regex, boolean required) {
        String value = row.get(column);
        if (value == null) {
            return required ? missing(column) : null;
        }
        if (!rule.test(value)) {
            return fail(column, "must match " + regex);
        }
        return value;
    }

    String text(String column, int max) {
        String value = row.get(column);
        if (value == null) {
            return missing(column);
        }
        return value.length() > max ? fail(column, "may be at most " + max + " characters") : value;
    }

    <E extends Enum<E>> E oneOf(String column, Class<E> type) {
        String value = row.get(column);
        if (value == null) {
            missing(column);
            return null;
        }
        try {
            return Enum.valueOf(type, value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            fail(column, "must be one of " + Arrays.toString(type.getEnumConstants()));
            return null;
        }
    }

    /** A whole number in [{@code min}, {@code max}]; {@code absent} when empty. */
    int integer(String column, int min, int max, int absent) {
        String value = row.get(column);
        if (value == null) {
            return absent;
        }
        try {
            int number = Integer.parseInt(value);
            if (number >= min && number <= max) {
                return number;
            }
        } catch (NumberFormatException e) {
            // the same answer as a number out of range
        }
        fail(column, "must be a whole number from " + min + " to " + max);
        return absent;
    }

    /** {@code true} or {@code false}; {@code absent} when empty. */
    boolean bool(String column, boolean absent) {
        String value = row.get(column);
        if (value == null) {
            return absent;
        }
        if (!value.equals("true") && !value.equals("false")) {
            fail(column, "must be true or false");
            return absent;
        }
        return Boolean.parseBoolean(value);
    }

    /** An ISO date ({@code 2026-12-10}); {@code null} when empty or invalid. */
    LocalDate date(String column) {
        String value = row.get(column);
        if (value == null) {
            return null;
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            fail(column, "must be an ISO date, e.g. 2026-12-10");
            return null;
        }
    }

    /** Items separated by {@code ;}, each matching {@code item}, at most {@code max}, no repeats; empty = none. */
    List<String> list(String column, Pattern item, String regex, int max) {
        String value = row.get(column);
        List<String> items = new ArrayList<>();
        if (value == null) {
            return items;
        }
        for (String part : value.split(";", -1)) {
            String trimmed = part.trim();
            if (trimmed.isEmpty() || trimmed.length() > 48 || !item.matcher(trimmed).matches()) {
                fail(column, "each item must match " + regex);
                return List.of();
            }
            if (!items.contains(trimmed)) {
                items.add(trimmed);
            }
        }
        if (items.size() > max) {
            fail(column, "may hold at most " + max + " items");
            return List.of();
        }
        return items;
    }

    <T> T fail(String column, String message) {
        violations.add(new Violation(row.field(column), message));
        return null;
    }

    private <T> T missing(String column) {
        return fail(column, "is required");
    }
}
