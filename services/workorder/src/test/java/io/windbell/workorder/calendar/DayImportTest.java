package io.windbell.workorder.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

/** The import reader without Quarkus: folded lines, spans, nested components, every bad row with its line. */
class DayImportTest {

    @Test
    void foldedLinesSpansAndNestedAlarmsAreRead() {
        String ics = String.join("\n", "BEGIN:VCALENDAR", "BEGIN:VEVENT", "DTSTART;VALUE=DATE:20270211",
                "DTEND;VALUE=DATE:20270213", "SUMMARY:春", " 节 休", "BEGIN:VALARM", "SUMMARY:ignored 班", "END:VALARM",
                "END:VEVENT", "END:VCALENDAR");
        DayImport.Result result = DayImport.iCalendar(ics);
        assertThat(result.violations()).isEmpty();
        assertThat(result.days()).containsExactly(new CalendarDay(LocalDate.parse("2027-02-11"), DayKind.HOLIDAY, "春节"),
                new CalendarDay(LocalDate.parse("2027-02-12"), DayKind.HOLIDAY, "春节"));
    }

    @Test
    void everyBadCsvRowIsReportedWithItsLine() {
        DayImport.Result result = DayImport.csv("2027-01-01,HOLIDAY\n\nnonsense\n2027-01-01,WORKDAY,again\n");
        assertThat(result.badLines()).containsExactly(3, 4);
        assertThat(result.valid()).isFalse();
    }

    @Test
    void anEventWithoutAnEndIsReported() {
        DayImport.Result result = DayImport.iCalendar("BEGIN:VEVENT\nDTSTART;VALUE=DATE:20270101\nSUMMARY:x 休\n");
        assertThat(result.badLines()).containsExactly(1);
    }
}
