package io.windbell.workorder.calendar;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.windbell.platform.problem.Violation;

/**
 * Reads the holidays and make-up working days of an import, row by row, and reports every bad row with its line number
 * so that nothing is half imported:
 * <ul>
 * <li>CSV: {@code date,kind,name} per line ({@code 2026-10-01,HOLIDAY,国庆节}), an optional header line
 * {@code date,kind,name}; kind {@code HOLIDAY} or {@code WORKDAY}.</li>
 * <li>iCalendar (RFC 5545, only what holiday feeds use): all-day {@code VEVENT}s, {@code DTSTART;VALUE=DATE} and an
 * optional exclusive {@code DTEND;VALUE=DATE} (a span: every day of it is imported). The kind is
 * {@code CATEGORIES:HOLIDAY} or {@code CATEGORIES:WORKDAY}; without either, a {@code SUMMARY} ending in 休 is a holiday
 * and one ending in 班 a make-up working day (the marker Chinese holiday feeds use, e.g. {@code 国庆节 休},
 * {@code 国庆节调休 班}); the name is the summary without its marker. A bad event is reported at its {@code BEGIN:VEVENT}
 * line.</li>
 * </ul>
 */
public final class DayImport {

    /** The most days one import may hold. */
    public static final int MAX_DAYS = 5000;
    /** The longest name of a day. */
    public static final int MAX_NAME = 100;
    /** The longest span of one event. */
    static final int MAX_SPAN_DAYS = 366;

    private static final DateTimeFormatter BASIC_DATE = DateTimeFormatter.BASIC_ISO_DATE;

    /** The days read, or what is wrong with which line. */
    public record Result(List<CalendarDay> days, List<Violation> violations, List<Integer> badLines) {

        public boolean valid() {
            return violations.isEmpty();
        }
    }

    private final List<CalendarDay> days = new ArrayList<>();
    private final Map<LocalDate, Integer> seen = new HashMap<>();
    private final List<Violation> violations = new ArrayList<>();
    private final List<Integer> badLines = new ArrayList<>();

    private DayImport() {
    }

    public static Result csv(String text) {
        DayImport reader = new DayImport();
        String[] lines = text.split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            int number = i + 1;
            if (line.isEmpty() || number == 1 && line.toLowerCase(Locale.ROOT).startsWith("date,")) {
                continue;
            }
            reader.csvRow(number, line);
        }
        return reader.result();
    }

    public static Result iCalendar(String text) {
        DayImport reader = new DayImport();
        List<String> lines = new ArrayList<>();
        List<Integer> numbers = new ArrayList<>();
        String[] physical = text.split("\r?\n", -1);
        for (int i = 0; i < physical.length; i++) {
            String line = physical[i];
            boolean continuation = !line.isEmpty() && (line.charAt(0) == ' ' || line.charAt(0) == '\t');
            if (continuation && !lines.isEmpty()) {
                lines.set(lines.size() - 1, lines.getLast() + line.substring(1));
            } else if (!line.isBlank()) {
                lines.add(line);
                numbers.add(i + 1);
            }
        }
        Map<String, String> event = null;
        int eventLine = 0;
        int nested = 0;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            String upper = line.toUpperCase(Locale.ROOT);
            if (upper.equals("BEGIN:VEVENT")) {
                event = new HashMap<>();
                eventLine = numbers.get(i);
            } else if (event != null && upper.equals("END:VEVENT")) {
                reader.event(eventLine, event);
                event = null;
            } else if (event != null && upper.startsWith("BEGIN:")) {
                nested++;
            } else if (event != null && upper.startsWith("END:")) {
                nested--;
            } else if (event != null && nested == 0) {
                property(event, line);
            }
        }
        if (event != null) {
            reader.bad(eventLine, "the event has no END:VEVENT");
        }
        return reader.result();
    }

    /** Stores {@code NAME;PARAMS:value} as {@code NAME -> PARAMS:value} (parameters kept for DTSTART's VALUE=DATE). */
    private static void property(Map<String, String> event, String line) {
        int colon = line.indexOf(':');
        if (colon < 0) {
            return;
        }
        String head = line.substring(0, colon);
        int semicolon = head.indexOf(';');
        String name = (semicolon < 0 ? head : head.substring(0, semicolon)).toUpperCase(Locale.ROOT);
        String params = semicolon < 0 ? "" : head.substring(semicolon + 1).toUpperCase(Locale.ROOT);
        event.putIfAbsent(name, params + ":" + line.substring(colon + 1));
    }

    private void csvRow(int number, String line) {
        String[] cells = line.split(",", 3);
        if (cells.length < 2) {
            bad(number, "expected date,kind,name");
            return;
        }
        LocalDate date;
        try {
            date = LocalDate.parse(cells[0].strip());
        } catch (DateTimeParseException e) {
            bad(number, "date must be YYYY-MM-DD, not " + cells[0].strip());
            return;
        }
        DayKind kind = kind(cells[1].strip());
        if (kind == null) {
            bad(number, "kind must be HOLIDAY or WORKDAY, not " + cells[1].strip());
            return;
        }
        String name = cells.length == 3 ? unquote(cells[2].strip()) : "";
        add(number, date, date, kind, name);
    }

    private void event(int number, Map<String, String> event) {
        String start = event.get("DTSTART");
        if (start == null) {
            bad(number, "the event has no DTSTART");
            return;
        }
        LocalDate first = date(start);
        if (first == null) {
            bad(number, "only all-day events are imported: DTSTART;VALUE=DATE:YYYYMMDD");
            return;
        }
        LocalDate last = first;
        String end = event.get("DTEND");
        if (end != null) {
            LocalDate exclusive = date(end);
            if (exclusive == null || !exclusive.isAfter(first)) {
                bad(number, "DTEND must be an all-day date after DTSTART");
                return;
            }
            last = exclusive.minusDays(1);
        }
        String summary = unescape(value(event.get("SUMMARY"))).strip();
        DayKind kind = categories(value(event.get("CATEGORIES")));
        String name = summary;
        if (kind == null && (summary.endsWith("休") || summary.endsWith("班"))) {
            kind = summary.endsWith("休") ? DayKind.HOLIDAY : DayKind.WORKDAY;
            name = summary.substring(0, summary.length() - 1).strip();
        }
        if (kind == null) {
            bad(number, "no CATEGORIES:HOLIDAY or CATEGORIES:WORKDAY, and the SUMMARY does not end in 休 or 班");
            return;
        }
        add(number, first, last, kind, name);
    }

    private void add(int number, LocalDate first, LocalDate last, DayKind kind, String name) {
        if (name.length() > MAX_NAME) {
            bad(number, "the name is longer than " + MAX_NAME + " characters");
            return;
        }
        if (first.plusDays(MAX_SPAN_DAYS).isBefore(last)) {
            bad(number, "an event spans at most " + MAX_SPAN_DAYS + " days");
            return;
        }
        for (LocalDate day = first; !day.isAfter(last); day = day.plusDays(1)) {
            Integer earlier = seen.putIfAbsent(day, number);
            if (earlier != null) {
                bad(number, day + " is already given on line " + earlier);
                return;
            }
        }
        for (LocalDate day = first; !day.isAfter(last); day = day.plusDays(1)) {
            days.add(new CalendarDay(day, kind, name.isEmpty() ? null : name));
        }
    }

    private void bad(int number, String message) {
        violations.add(new Violation("line " + number, message));
        badLines.add(number);
    }

    private Result result() {
        if (violations.isEmpty() && days.size() > MAX_DAYS) {
            bad(0, "an import holds at most " + MAX_DAYS + " days, this one " + days.size());
        }
        return new Result(List.copyOf(days), List.copyOf(violations), List.copyOf(badLines));
    }

    /** The all-day date of a stored {@code PARAMS:value}; {@code null} for a date-time (it has a T) or garbage. */
    private static LocalDate date(String stored) {
        String value = value(stored).strip();
        if (value.length() != 8) {
            return null;
        }
        try {
            return LocalDate.parse(value, BASIC_DATE);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static String value(String stored) {
        return stored == null ? "" : stored.substring(stored.indexOf(':') + 1);
    }

    private static DayKind categories(String categories) {
        for (String category : categories.split(",")) {
            DayKind kind = kind(category.strip());
            if (kind != null) {
                return kind;
            }
        }
        return null;
    }

    private static DayKind kind(String text) {
        String upper = text.toUpperCase(Locale.ROOT);
        return switch (upper) {
        case "HOLIDAY" -> DayKind.HOLIDAY;
        case "WORKDAY" -> DayKind.WORKDAY;
        default -> null;
        };
    }

    private static String unquote(String text) {
        return text.length() >= 2 && text.startsWith("\"") && text.endsWith("\"")
                ? text.substring(1, text.length() - 1).replace("\"\"", "\"") : text;
    }

    private static String unescape(String text) {
        return text.replace("\\n", " ").replace("\\N", " ").replace("\\,", ",").replace("\\;", ";").replace("\\\\",
                "\\");
    }
}
