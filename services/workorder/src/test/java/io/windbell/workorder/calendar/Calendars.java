package io.windbell.workorder.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Calendars for tests: the 2026 mainland China calendar exactly as V3 seeds it (国务院办公厅关于2026年部分节假日安排的通知), and small
 * calendars abroad.
 */
public final class Calendars {

    public static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    public static final ZoneId LONDON = ZoneId.of("Europe/London");
    public static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    private Calendars() {
    }

    /** Mon–Fri 09:00–12:00 and 13:00–17:30 in Asia/Shanghai, with the 2026 holidays and 调休 days. */
    public static BusinessCalendar china2026() {
        List<CalendarDay> days = new ArrayList<>();
        holidays(days, "元旦", "2026-01-01", "2026-01-03");
        workday(days, "元旦调休", "2026-01-04");
        holidays(days, "春节", "2026-02-15", "2026-02-23");
        workday(days, "春节调休", "2026-02-14");
        workday(days, "春节调休", "2026-02-28");
        holidays(days, "清明节", "2026-04-04", "2026-04-06");
        holidays(days, "劳动节", "2026-05-01", "2026-05-05");
        workday(days, "劳动节调休", "2026-05-09");
        holidays(days, "端午节", "2026-06-19", "2026-06-21");
        holidays(days, "中秋节", "2026-09-25", "2026-09-27");
        holidays(days, "国庆节", "2026-10-01", "2026-10-07");
        workday(days, "国庆节调休", "2026-09-20");
        workday(days, "国庆节调休", "2026-10-10");
        return BusinessCalendar.of("CN", "Mainland China", SHANGHAI,
                weekdays(List.of(WorkingPeriod.of("09:00", "12:00"), WorkingPeriod.of("13:00", "17:30"))), days,
                DayOfWeek.MONDAY);
    }

    /** Mon–Fri with the given periods, no dated days. */
    public static BusinessCalendar weekdaysOnly(String code, ZoneId zone, WorkingPeriod... periods) {
        return BusinessCalendar.of(code, code, zone, weekdays(List.of(periods)), List.of(), null);
    }

    /** Every day of the week with the given periods (a contact centre), no dated days. */
    public static BusinessCalendar everyDay(String code, ZoneId zone, WorkingPeriod... periods) {
        Map<DayOfWeek, List<WorkingPeriod>> week = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek day : DayOfWeek.values()) {
            week.put(day, List.of(periods));
        }
        return BusinessCalendar.of(code, code, zone, week, List.of(), null);
    }

    private static Map<DayOfWeek, List<WorkingPeriod>> weekdays(List<WorkingPeriod> periods) {
        Map<DayOfWeek, List<WorkingPeriod>> week = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek day : List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY,
                DayOfWeek.FRIDAY)) {
            week.put(day, periods);
        }
        return week;
    }

    private static void holidays(List<CalendarDay> days, String name, String first, String last) {
        for (LocalDate day = LocalDate.parse(first); !day.isAfter(LocalDate.parse(last)); day = day.plusDays(1)) {
            days.add(new CalendarDay(day, DayKind.HOLIDAY, name));
        }
    }

    private static void workday(List<CalendarDay> days, String name, String date) {
        days.add(new CalendarDay(LocalDate.parse(date), DayKind.WORKDAY, name));
    }
}
