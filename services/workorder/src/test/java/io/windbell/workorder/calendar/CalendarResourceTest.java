package io.windbell.workorder.calendar;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.windbell.workorder.support.WorkorderTestResource;

/** The calendar API on the seeded V3 tables: the 2026 CN arrangement, edits, imports with line numbers, roles. */
@QuarkusTest
@QuarkusTestResource(WorkorderTestResource.class)
class CalendarResourceTest {

    private static final Map<String, Object> LONDON_WEEK = Map.of("name", "London branch", "zone", "Europe/London",
            "week", Map.of("MONDAY", List.of(Map.of("start", "09:00", "end", "17:00")), "SATURDAY",
                    List.of(Map.of("start", "09:00", "end", "12:00"))));

    // the house takes request bodies in UTF-8 only (Utf8Only): REST Assured would send ISO-8859-1
    private static final String CSV = "text/csv; charset=UTF-8";
    private static final String ICALENDAR = "text/calendar; charset=UTF-8";

    @Inject
    BusinessCalendars calendars;

    @Test
    @TestSecurity(user = "analyst", roles = "cx-analyst")
    void theSeededChinaCalendarFollowsTheStateCouncilArrangement() {
        JsonPath cn = given().get("/v1/calendars/CN?year=2026").then().statusCode(200).extract().jsonPath();
        assertThat(cn.getString("zone")).isEqualTo("Asia/Shanghai");
        // 33 days off (元旦 3, 春节 9, 清明 3, 劳动节 5, 端午 3, 中秋 3, 国庆 7) and 6 make-up working days
        assertThat(cn.getList("days.findAll { it.kind == 'HOLIDAY' }")).hasSize(33);
        assertThat(cn.getList("days.findAll { it.kind == 'WORKDAY' }.date")).containsExactly("2026-01-04", "2026-02-14",
                "2026-02-28", "2026-05-09", "2026-09-20", "2026-10-10");
        assertThat(cn.getString("days.find { it.date == '2026-02-16' }.name")).isEqualTo("春节");

        BusinessCalendar loaded = calendars.forRegion(null);
        assertThat(loaded.isWorkingDay(LocalDate.parse("2026-02-14"))).isTrue(); // 调休 Saturday
        assertThat(loaded.isWorkingDay(LocalDate.parse("2026-02-16"))).isFalse(); // Spring Festival Monday
        assertThat(loaded.isWorkingDay(LocalDate.parse("2026-09-20"))).isTrue(); // 调休 Sunday
        // 国庆节 10月1日至7日: Thursday 10-08 is an ordinary working day again (the brief guessed otherwise)
        assertThat(loaded.isWorkingDay(LocalDate.parse("2026-10-08"))).isTrue();
        assertThat(loaded.isWorkingDay(LocalDate.parse("2026-10-07"))).isFalse();
    }

    @Test
    @TestSecurity(user = "frontline.b001", roles = "frontline")
    void frontlineStaffMayNeitherReadNorEditCalendars() {
        given().get("/v1/calendars").then().statusCode(403);
        given().get("/v1/calendars/CN").then().statusCode(403);
        given().contentType(ContentType.JSON).body(LONDON_WEEK).put("/v1/calendars/T-FRONT").then().statusCode(403);
        given().contentType(CSV).body("2026-01-01,HOLIDAY,x").post("/v1/calendars/CN/import").then().statusCode(403);
        given().contentType(ContentType.JSON).body(Map.of("calendar", "CN")).put("/v1/regions/R01/calendar").then()
                .statusCode(403);
    }

    @Test
    @TestSecurity(user = "analyst", roles = "cx-analyst")
    void analystsMayNotEdit() {
        given().contentType(ContentType.JSON).body(Map.of("kind", "HOLIDAY")).put("/v1/calendars/CN/days/2026-12-24")
                .then().statusCode(403);
    }

    @Test
    @TestSecurity(user = "admin", roles = "cx-admin")
    void anAdminCreatesACalendarEditsItsDaysAndPutsARegionOnIt() {
        given().contentType(ContentType.JSON).body(LONDON_WEEK).put("/v1/calendars/T-LON").then().statusCode(200)
                .body("week.MONDAY[0].end", equalTo("17:00")).body("makeUpWeekday", equalTo("MONDAY"));
        given().contentType(ContentType.JSON).body(Map.of("kind", "HOLIDAY", "name", "Boxing Day"))
                .put("/v1/calendars/T-LON/days/2026-12-28").then().statusCode(200).body("kind", equalTo("HOLIDAY"));
        given().get("/v1/calendars/T-LON?year=2026").then().statusCode(200).body("days.date", contains("2026-12-28"));
        assertThat(calendars.find("T-LON").orElseThrow().isWorkingDay(LocalDate.parse("2026-12-28"))).isFalse();

        given().delete("/v1/calendars/T-LON/days/2026-12-28").then().statusCode(204);
        given().delete("/v1/calendars/T-LON/days/2026-12-28").then().statusCode(404);
        assertThat(calendars.find("T-LON").orElseThrow().isWorkingDay(LocalDate.parse("2026-12-28"))).isTrue();

        given().contentType(ContentType.JSON).body(Map.of("calendar", "T-LON")).put("/v1/regions/R-cal-test/calendar")
                .then().statusCode(200);
        given().get("/v1/regions/R-cal-test/calendar").then().statusCode(200).body("calendar", equalTo("T-LON"))
                .body("inherited", equalTo(false));
        assertThat(calendars.forRegion("R-cal-test").code()).isEqualTo("T-LON");
        given().get("/v1/regions/R-cal-none/calendar").then().statusCode(200).body("calendar", equalTo("CN"))
                .body("inherited", equalTo(true));
        given().contentType(ContentType.JSON).body(Map.of("calendar", "NO-SUCH")).put("/v1/regions/R-cal-test/calendar")
                .then().statusCode(404);
        given().get("/v1/calendars/NO-SUCH").then().statusCode(404);
        given().get("/v1/calendars").then().statusCode(200).body("items.code", hasItem("T-LON"));
    }

    @Test
    @TestSecurity(user = "admin", roles = "cx-admin")
    void anInvalidCalendarIsRefusedFieldByField() {
        given().contentType(ContentType.JSON).body(Map.of("name", "bad", "zone", "Mars/Olympus", "week",
                Map.of("FUNDAY", List.of(), "MONDAY",
                        List.of(Map.of("start", "09:00", "end", "12:00"), Map.of("start", "11:00", "end", "13:00")))))
                .put("/v1/calendars/T-BAD").then().statusCode(400)
                .body("violations.field", org.hamcrest.Matchers.hasItems("zone", "week.FUNDAY", "week.MONDAY"));
        given().get("/v1/calendars/T-BAD").then().statusCode(404);
    }

    @Test
    @TestSecurity(user = "admin", roles = "cx-admin")
    void aCsvImportWithBadRowsNamesEveryBadLineAndImportsNothing() {
        given().contentType(ContentType.JSON).body(LONDON_WEEK).put("/v1/calendars/T-CSV").then().statusCode(200);
        String csv = """
                date,kind,name
                2027-01-01,HOLIDAY,New Year
                2027-13-01,HOLIDAY,no such month
                2027-01-02,WORKDAY,ok
                2027-01-03,HOLIDAYS,typo
                2027-01-01,WORKDAY,twice
                """;
        given().contentType(CSV).body(csv).post("/v1/calendars/T-CSV/import").then().statusCode(400)
                .body("lines", contains(3, 5, 6)).body("violations", hasSize(3))
                .body("violations[0].field", equalTo("line 3"));
        given().get("/v1/calendars/T-CSV?year=2027").then().statusCode(200).body("days", hasSize(0));

        given().contentType(CSV).body("date,kind,name\n2027-01-01,HOLIDAY,New Year\n2027-01-02,WORKDAY,\n")
                .post("/v1/calendars/T-CSV/import").then().statusCode(200).body("imported", equalTo(2));
        given().get("/v1/calendars/T-CSV?year=2027").then().statusCode(200).body("days.kind",
                contains("HOLIDAY", "WORKDAY"));
    }

    @Test
    @TestSecurity(user = "admin", roles = "cx-admin")
    void anICalendarImportReadsSpansCategoriesAndTheChineseMarkers() {
        given().contentType(ContentType.JSON).body(LONDON_WEEK).put("/v1/calendars/T-ICS").then().statusCode(200);
        String ics = String.join("\r\n", "BEGIN:VCALENDAR", "VERSION:2.0", "BEGIN:VEVENT",
                "DTSTART;VALUE=DATE:20271001", "DTEND;VALUE=DATE:20271004", "SUMMARY:国庆节 休", "END:VEVENT",
                "BEGIN:VEVENT", "DTSTART;VALUE=DATE:20270925", "SUMMARY:国庆节调", " 休 班", "END:VEVENT", "BEGIN:VEVENT",
                "DTSTART;VALUE=DATE:20271225", "CATEGORIES:HOLIDAY", "SUMMARY:Christmas", "END:VEVENT", "END:VCALENDAR",
                "");
        given().contentType(ICALENDAR).body(ics).post("/v1/calendars/T-ICS/import").then().statusCode(200)
                .body("imported", equalTo(5));
        JsonPath days = given().get("/v1/calendars/T-ICS?year=2027").then().statusCode(200).extract().jsonPath();
        assertThat(days.getList("date")).isNull();
        assertThat(days.getList("days.date")).containsExactly("2027-09-25", "2027-10-01", "2027-10-02", "2027-10-03",
                "2027-12-25");
        assertThat(days.getList("days.kind")).containsExactly("WORKDAY", "HOLIDAY", "HOLIDAY", "HOLIDAY", "HOLIDAY");
        assertThat(days.getString("days[0].name")).isEqualTo("国庆节调休");

        String bad = String.join("\n", "BEGIN:VCALENDAR", "BEGIN:VEVENT", "DTSTART:20270101T090000", "SUMMARY:x 休",
                "END:VEVENT", "BEGIN:VEVENT", "DTSTART;VALUE=DATE:20270102", "SUMMARY:no marker", "END:VEVENT",
                "END:VCALENDAR");
        given().contentType(ICALENDAR).body(bad).post("/v1/calendars/T-ICS/import").then().statusCode(400).body("lines",
                contains(2, 6));
    }
}
