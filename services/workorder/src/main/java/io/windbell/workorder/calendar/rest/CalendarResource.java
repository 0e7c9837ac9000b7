package io.windbell.workorder.calendar.rest;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.logging.Logger;

import io.windbell.platform.paging.Cursor;
import io.windbell.platform.paging.Page;
import io.windbell.platform.paging.QueryParams;
import io.windbell.platform.problem.Problem;
import io.windbell.platform.problem.ProblemException;
import io.windbell.platform.problem.Violation;
import io.windbell.platform.versioning.Versioning;
import io.windbell.workorder.calendar.BusinessCalendar;
import io.windbell.workorder.calendar.BusinessCalendars;
import io.windbell.workorder.calendar.CalendarDay;
import io.windbell.workorder.calendar.CalendarStore;
import io.windbell.workorder.calendar.DayImport;

/**
 * Business calendars: CX admins edit working hours, holidays and 调休 make-up days (one day at a time or by an
 * iCalendar/CSV import, all or nothing); analysts read them. Every change is in force on this replica at once and on
 * the others within {@code windbell.workorder.calendar.refresh-interval}.
 */
@Path("/v1/calendars")
@Tag(name = "calendars", description = "Business calendars: working hours, holidays, make-up working days")
@Produces({ MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE })
@Consumes(MediaType.APPLICATION_JSON)
public class CalendarResource {

    /** A calendar code: upper case, e.g. {@code CN}, {@code GB-LONDON}. */
    public static final String CODE_REGEX = "^[A-Z][A-Z0-9_-]{1,31}$";
    private static final Pattern CODE = Pattern.compile(CODE_REGEX);
    private static final String CSV = "text/csv";
    private static final String ICALENDAR = "text/calendar";
    private static final Logger LOG = Logger.getLogger(CalendarResource.class);

    private final BusinessCalendars calendars;
    private final CalendarStore store;

    CalendarResource(BusinessCalendars calendars, CalendarStore store) {
        this.calendars = calendars;
        this.store = store;
    }

    @GET
    @RolesAllowed({ "cx-admin", "cx-analyst" })
    @Operation(summary = "Every calendar (zone, week), by code; without its days")
    @APIResponse(responseCode = "200", description = "a page of calendars")
    public Page<CalendarDocument> list(@QueryParam("cursor") String cursor, @QueryParam("limit") Integer limit) {
        String after = Versioning.keyCursor(cursor);
        List<BusinessCalendar> rows = calendars.all().stream()
                .filter(c -> after == null || c.code().compareTo(after) > 0).toList();
        return Versioning.page(rows, Cursor.limit(limit), c -> CalendarDocument.of(c, null), BusinessCalendar::code);
    }

    @GET
    @Path("/{code}")
    @RolesAllowed({ "cx-admin", "cx-analyst" })
    @Operation(summary = "A calendar with its holidays and make-up working days of one year")
    @APIResponse(responseCode = "200", description = "the calendar")
    @APIResponse(responseCode = "400", description = "invalid code or year")
    @APIResponse(responseCode = "404", description = "no such calendar")
    public CalendarDocument get(@PathParam("code") String code,
            @Parameter(description = "the year of the days listed; the current year in the calendar's zone when absent") @QueryParam("year") String year) {
        BusinessCalendar calendar = existing(code(code));
        int listed = year == null ? LocalDate.ofInstant(Instant.now(), calendar.zone()).getYear() : year(year);
        return CalendarDocument.of(calendar, listed);
    }

    @PUT
    @Path("/{code}")
    @RolesAllowed("cx-admin")
    @Operation(summary = "Create or replace a calendar's name, zone, week and make-up weekday (its days stay)")
    @APIResponse(responseCode = "200", description = "the calendar as stored")
    @APIResponse(responseCode = "400", description = "invalid, with one violation per field")
    public CalendarDocument put(@PathParam("code") String code, @NotNull CalendarDocument body) {
        String checked = code(code);
        List<Violation> violations = new ArrayList<>();
        BusinessCalendar calendar = body.toCalendar(checked, violations);
        Versioning.requireValid(violations, List.of());
        store.putCalendar(calendar);
        calendars.reload();
        LOG.infof("calendar %s stored (zone %s)", checked, calendar.zone());
        return CalendarDocument.of(existing(checked), null);
    }

    @PUT
    @Path("/{code}/days/{date}")
    @RolesAllowed("cx-admin")
    @Operation(summary = "Make one date a holiday or a make-up working day (replacing what it was)")
    @APIResponse(responseCode = "200", description = "the day as stored")
    @APIResponse(responseCode = "400", description = "invalid date, kind or name")
    @APIResponse(responseCode = "404", description = "no such calendar")
    public DayDocument putDay(@PathParam("code") String code, @PathParam("date") String date,
            @NotNull DayDocument body) {
        String checked = code(code);
        LocalDate day = date(date);
        List<Violation> violations = new ArrayList<>();
        if (body.kind() == null) {
            violations.add(new Violation("kind", "is required: HOLIDAY or WORKDAY"));
        }
        if (body.name() != null && body.name().length() > DayImport.MAX_NAME) {
            violations.add(new Violation("name", "at most " + DayImport.MAX_NAME + " characters"));
        }
        Versioning.requireValid(violations, List.of());
        existing(checked);
        CalendarDay stored = new CalendarDay(day, body.kind(), body.name());
        store.putDays(checked, List.of(stored));
        calendars.reload();
        LOG.infof("calendar %s: %s is a %s", checked, day, body.kind());
        return DayDocument.of(stored);
    }

    @DELETE
    @Path("/{code}/days/{date}")
    @RolesAllowed("cx-admin")
    @Operation(summary = "Remove a dated day, so the week decides again whether it works")
    @APIResponse(responseCode = "204", description = "removed")
    @APIResponse(responseCode = "404", description = "no such calendar or no such day in it")
    public Response deleteDay(@PathParam("code") String code, @PathParam("date") String date) {
        String checked = code(code);
        LocalDate day = date(date);
        existing(checked);
        if (!store.deleteDay(checked, day)) {
            throw ProblemException.notFound("calendar day", checked + " " + day);
        }
        calendars.reload();
        LOG.infof("calendar %s: %s removed", checked, day);
        return Response.noContent().build();
    }

    @POST
    @Path("/{code}/import")
    @Consumes({ ICALENDAR, CSV })
    @RolesAllowed("cx-admin")
    @Operation(summary = "Import holidays and make-up working days: text/csv (date,kind,name) or text/calendar (all-day VEVENTs, CATEGORIES:HOLIDAY|WORKDAY or a SUMMARY ending in 休|班); all or nothing")
    @APIResponse(responseCode = "200", description = "imported: how many days")
    @APIResponse(responseCode = "400", description = "bad rows: one violation per bad line ('line 7'), their numbers in 'lines'; nothing imported")
    @APIResponse(responseCode = "404", description = "no such calendar")
    public Map<String, Object> importDays(@PathParam("code") String code, @NotNull String body,
            @Parameter(hidden = true) @jakarta.ws.rs.HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType) {
        String checked = code(code);
        existing(checked);
        DayImport.Result result = contentType != null && contentType.toLowerCase().startsWith(CSV) ? DayImport.csv(body)
                : DayImport.iCalendar(body);
        if (!result.valid()) {
            throw new ProblemException(Problem
                    .of("invalid-import", "Invalid import", 400,
                            result.badLines().size() + " row(s) are invalid; nothing was imported")
                    .withViolations(result.violations()).with("lines", result.badLines()));
        }
        store.putDays(checked, result.days());
        calendars.reload();
        LOG.infof("calendar %s: %d days imported", checked, result.days().size());
        return Map.of("calendar", checked, "imported", result.days().size());
    }

    private BusinessCalendar existing(String code) {
        return calendars.find(code).orElseThrow(() -> ProblemException.notFound("calendar", code));
    }

    static String code(String code) {
        return QueryParams.pathId("code", code, c -> CODE.matcher(c).matches(), CODE_REGEX);
    }

    private static int year(String year) {
        QueryParams params = new QueryParams();
        Integer parsed = params.integer("year", year, 1970);
        if (parsed != null && parsed > 9999) {
            throw Versioning.invalid(List.of(new Violation("year", "must be at most 9999")));
        }
        params.check();
        return parsed;
    }

    private static LocalDate date(String date) {
        try {
            return LocalDate.parse(date);
        } catch (DateTimeParseException e) {
            throw Versioning.invalid(List.of(new Violation("date", "must be YYYY-MM-DD")));
        }
    }
}
