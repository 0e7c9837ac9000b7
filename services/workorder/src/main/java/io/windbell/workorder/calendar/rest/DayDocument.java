package io.windbell.workorder.calendar.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.windbell.workorder.calendar.CalendarDay;
import io.windbell.workorder.calendar.DayKind;

/** One dated day of a calendar: a holiday or a 调休 make-up working day. */
@Schema(name = "CalendarDay")
public record DayDocument(@Schema(readOnly = true, examples = "2026-10-01") String date,
        @Schema(examples = "HOLIDAY", description = "HOLIDAY (off although the week works) or WORKDAY (调休: on although the week rests)") DayKind kind,
        @Schema(examples = "国庆节") String name) {

    static DayDocument of(CalendarDay day) {
        return new DayDocument(day.date().toString(), day.kind(), day.name());
    }
}
