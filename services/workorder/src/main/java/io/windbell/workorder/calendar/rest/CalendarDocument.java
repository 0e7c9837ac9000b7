package io.windbell.workorder.calendar.rest;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.windbell.platform.problem.Violation;
import io.windbell.workorder.calendar.BusinessCalendar;
import io.windbell.workorder.calendar.WeekJson;
import io.windbell.workorder.calendar.WorkingPeriod;

/**
 * A business calendar as the API reads and writes it; {@code days} (holidays and 调休 make-up days of one year) is
 * read-only here and edited day by day or by import.
 */
@Schema(name = "Calendar")
public record CalendarDocument(@Schema(readOnly = true, examples = "CN") String code,
        @Schema(examples = "Mainland China") String name,
        @Schema(examples = "Asia/Shanghai", description = "IANA zone of the working hours") String zone,
        @Schema(description = "working periods per day of week, local time [start, end); an end of 00:00 is midnight; a day that is absent does not work", examples = "{\"MONDAY\": [{\"start\": \"09:00\", \"end\": \"12:00\"}, {\"start\": \"13:00\", \"end\": \"17:30\"}]}") Map<String, List<WeekJson.Period>> week,
        @Schema(examples = "MONDAY", description = "whose hours a make-up working day (调休) works; MONDAY when absent") String makeUpWeekday,
        @Schema(readOnly = true, description = "the year of the days listed") Integer year,
        @Schema(readOnly = true) List<DayDocument> days) {

    /** The longest calendar name. */
    static final int MAX_NAME = 100;

    static CalendarDocument of(BusinessCalendar calendar, Integer year) {
        List<DayDocument> days = year == null ? null : calendar.days(year).stream().map(DayDocument::of).toList();
        return new CalendarDocument(calendar.code(), calendar.name(), calendar.zone().getId(),
                WeekJson.text(calendar.week()), calendar.makeUpWeekday().name(), year, days);
    }

    /** The calendar this document describes (days not included), or every violation of it. */
    BusinessCalendar toCalendar(String code, List<Violation> violations) {
        if (name == null || name.isBlank() || name.length() > MAX_NAME) {
            violations.add(new Violation("name", "is required, at most " + MAX_NAME + " characters"));
        }
        ZoneId zoneId = null;
        try {
            zoneId = zone == null ? null : ZoneId.of(zone);
        } catch (DateTimeException e) {
            // reported below
        }
        if (zoneId == null) {
            violations.add(new Violation("zone", "must be an IANA zone id, e.g. Asia/Shanghai"));
        }
        DayOfWeek makeUp = makeUpWeekday == null ? DayOfWeek.MONDAY : day("makeUpWeekday", makeUpWeekday, violations);
        Map<DayOfWeek, List<WorkingPeriod>> parsed = week(violations);
        if (!violations.isEmpty()) {
            return null;
        }
        return BusinessCalendar.of(code, name, zoneId, parsed, List.of(), makeUp);
    }

    private Map<DayOfWeek, List<WorkingPeriod>> week(List<Violation> violations) {
        Map<DayOfWeek, List<WorkingPeriod>> parsed = new EnumMap<>(DayOfWeek.class);
        if (week == null) {
            violations.add(new Violation("week", "is required (a day that is absent does not work)"));
            return parsed;
        }
        week.forEach((name, periods) -> {
            DayOfWeek day = day("week." + name, name, violations);
            List<WorkingPeriod> list = new ArrayList<>();
            List<WeekJson.Period> given = periods == null ? List.of() : periods;
            for (int i = 0; i < given.size(); i++) {
                WorkingPeriod period = period("week." + name + "[" + i + "]", given.get(i), violations);
                if (period != null) {
                    list.add(period);
                }
            }
            BusinessCalendar.overlap(list).ifPresent(problem -> violations.add(new Violation("week." + name, problem)));
            if (day != null) {
                parsed.put(day, list);
            }
        });
        return parsed;
    }

    private static WorkingPeriod period(String field, WeekJson.Period period, List<Violation> violations) {
        try {
            return new WorkingPeriod(LocalTime.parse(period.start()), LocalTime.parse(period.end()));
        } catch (DateTimeParseException | IllegalArgumentException | NullPointerException e) {
            violations
                    .add(new Violation(field, "must be {\"start\": \"HH:mm\", \"end\": \"HH:mm\"} with end after start"
                            + " (00:00 for midnight)"));
            return null;
        }
    }

    private static DayOfWeek day(String field, String name, List<Violation> violations) {
        try {
            return DayOfWeek.valueOf(name.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            violations.add(new Violation(field, "must be a day of week, MONDAY..SUNDAY"));
            return null;
        }
    }
}
