package io.windbell.journey.query.rest;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.windbell.contracts.Identifiers;
import io.windbell.journey.query.Funnel;
import io.windbell.journey.query.FunnelQuery;
import io.windbell.platform.paging.QueryParams;
import io.windbell.platform.problem.Problem;

/** Step-by-step conversion of a journey and where it is interrupted. */
@Path("/v1/funnels/{definitionCode}")
@Tag(name = "funnels", description = "Journey funnels and interruption hot spots")
@RolesAllowed({ "cx-analyst", "cx-admin" })
@Produces({ MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE })
public class FunnelResource {

    static final Duration DEFAULT_WINDOW = Duration.ofDays(7);
    static final Duration MAX_WINDOW = Duration.ofDays(92);

    private final FunnelQuery funnels;

    FunnelResource(FunnelQuery funnels) {
        this.funnels = funnels;
    }

    @GET
    @Operation(summary = "The funnel of the instances started in [from, to)", description = "Entries, drop-off and median time from the previous step per step, totals, per-phase "
            + "entries and the top " + FunnelQuery.HOT_SPOTS + " interruption hot spots. "
            + "Defaults: to = now, from = to - 7 days; the window spans at most 92 days.")
    @APIResponse(responseCode = "200", description = "The funnel")
    @APIResponse(responseCode = "400", description = "Invalid window (violations per parameter)")
    @APIResponse(responseCode = "404", description = "No journey definition with this code")
    public Funnel funnel(@PathParam("definitionCode") String definitionCode,
            @Parameter(description = "inclusive ISO-8601 instant (or date, UTC)") @QueryParam("from") String from,
            @Parameter(description = "exclusive ISO-8601 instant (or date, UTC)") @QueryParam("to") String to) {
        QueryParams params = new QueryParams();
        String code = params.requiredId("definitionCode", definitionCode, Identifiers::isJourneyCode,
                Identifiers.JOURNEY_CODE_REGEX);
        Instant fromAt = params.instant("from", from);
        Instant toAt = params.instant("to", to);
        params.check();
        if (toAt == null) {
            toAt = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        }
        if (fromAt == null) {
            fromAt = toAt.minus(DEFAULT_WINDOW);
        }
        params.window(fromAt, toAt, MAX_WINDOW);
        params.check();
        return funnels.funnel(code, fromAt, toAt);
    }
}
