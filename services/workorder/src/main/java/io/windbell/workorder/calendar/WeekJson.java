package io.windbell.workorder.calendar;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.DayOfWeek;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A calendar's week as the {@code calendar.week} column and the API hold it: {@code {"MONDAY": [{"start": "09:00",
 * "end": "12:00"}]}}, local times, an end of {@code 00:00} for midnight.
 */
public final class WeekJson {

    /** One working period as text. */
    public record Period(String start, String end) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<Map<DayOfWeek, List<Period>>> TYPE = new TypeReference<>() {
    };

    private WeekJson() {
    }

    public static String write(Map<DayOfWeek, List<WorkingPeriod>> week) {
        try {
            return JSON.writeValueAsString(text(week));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Map<DayOfWeek, List<WorkingPeriod>> read(String json) {
        try {
            Map<DayOfWeek, List<WorkingPeriod>> week = new EnumMap<>(DayOfWeek.class);
            JSON.readValue(json, TYPE).forEach((day, periods) -> week.put(day,
                    periods.stream().map(p -> WorkingPeriod.of(p.start(), p.end())).toList()));
            return week;
        } catch (IOException e) {
            throw new UncheckedIOException("unreadable calendar week " + json, e);
        }
    }

    /** The week as text, Monday first. */
    public static Map<String, List<Period>> text(Map<DayOfWeek, List<WorkingPeriod>> week) {
        Map<String, List<Period>> text = new LinkedHashMap<>();
        for (DayOfWeek day : DayOfWeek.values()) {
            List<WorkingPeriod> periods = week.get(day);
            if (periods != null && !periods.isEmpty()) {
                List<Period> out = new ArrayList<>();
                periods.forEach(p -> out.add(new Period(p.start().toString(), p.end().toString())));
                text.put(day.name(), out);
            }
        }
        return text;
    }
}
