package io.windbell.workorder.calendar.rest;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.logging.Logger;

import io.windbell.contracts.Identifiers;
import io.windbell.platform.paging.QueryParams;
import io.windbell.platform.problem.Problem;
import io.windbell.platform.problem.ProblemException;
import io.windbell.platform.problem.Violation;
import io.windbell.platform.versioning.Versioning;
import io.windbell.workorder.calendar.BusinessCalendars;
import io.windbell.workorder.calendar.CalendarStore;
import io.windbell.workorder.calendar.WorkingTime;

/** Which calendar a region's work orders run their SLA clocks on ({@code CN} unless set). */
@Path("/v1/regions/{regionId}/calendar")
@Tag(name = "calendars")
@Produces({ MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE })
@Consumes(MediaType.APPLICATION_JSON)
public class RegionCalendarResource {

    private static final Logger LOG = Logger.getLogger(RegionCalendarResource.class);

    /** A region's calendar. */
    @Schema(name = "RegionCalendar")
    public record RegionCalendar(@Schema(readOnly = true, examples = "R01") String regionId,
            @Schema(examples = "CN") String calendar,
            @Schema(readOnly = true, description = "true when the region has no calendar of its own and runs on CN") Boolean inherited) {
    }

    private final BusinessCalendars calendars;
    private final CalendarStore store;

    RegionCalendarResource(BusinessCalendars calendars, CalendarStore store) {
        this.calendars = calendars;
        this.store = store;
    }

    @GET
    @RolesAllowed({ "cx-admin", "cx-analyst" })
    @Operation(summary = "The calendar a region's orders run on")
    @APIResponse(responseCode = "200", description = "the region's calendar, or CN inherited")
    public RegionCalendar get(@PathParam("regionId") String regionId) {
        String region = region(regionId);
        return calendars.calendarOf(region).map(code -> new RegionCalendar(region, code, false))
                .orElseGet(() -> new RegionCalendar(region, WorkingTime.DEFAULT_CALENDAR, true));
    }

    @PUT
    @RolesAllowed("cx-admin")
    @Operation(summary = "Put a region's orders on a calendar (new orders; open ones keep their due times)")
    @APIResponse(responseCode = "200", description = "stored")
    @APIResponse(responseCode = "400", description = "invalid region or calendar code")
    @APIResponse(responseCode = "404", description = "no such calendar")
    public RegionCalendar put(@PathParam("regionId") String regionId, @NotNull RegionCalendar body) {
        String region = region(regionId);
        if (body.calendar() == null) {
            throw Versioning.invalid(List.of(new Violation("calendar", "is required, e.g. CN")));
        }
        String code = CalendarResource.code(body.calendar());
        if (calendars.find(code).isEmpty()) {
            throw ProblemException.notFound("calendar", code);
        }
        store.putRegion(region, code);
        calendars.reload();
        LOG.infof("region %s runs on calendar %s", region, code);
        return new RegionCalendar(region, code, false);
    }

    private static String region(String regionId) {
        return QueryParams.pathId("regionId", regionId, Identifiers::isRegionId, Identifiers.REGION_ID_REGEX);
    }
}
