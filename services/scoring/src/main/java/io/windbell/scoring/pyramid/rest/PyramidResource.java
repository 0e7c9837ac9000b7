package io.windbell.scoring.pyramid.rest;

import java.sql.SQLException;
import java.time.LocalDate;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.quarkus.security.identity.SecurityIdentity;
import io.windbell.contracts.Identifiers;
import io.windbell.platform.paging.QueryParams;
import io.windbell.platform.problem.Problem;
import io.windbell.scoring.ScoringAccess;
import io.windbell.scoring.ScoringConfig;
import io.windbell.scoring.pyramid.Period;
import io.windbell.scoring.pyramid.PyramidService;
import io.windbell.scoring.rollup.DayRange;

/**
 * The metric pyramid (north star, journeys, touchpoint factors) of a week or month against the one before, within the
 * caller's data scope: a branch manager asking for another branch gets an empty pyramid (n = 0), never the numbers.
 */
@Path("/v1/pyramid")
@Tag(name = "pyramid", description = "North star -> journeys -> touchpoint factors, with trends and contributions")
@Produces({ MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE })
public class PyramidResource {

    private final PyramidService pyramids;
    private final ScoringConfig scoring;
    private final SecurityIdentity identity;

    PyramidResource(PyramidService pyramids, ScoringConfig scoring, SecurityIdentity identity) {
        this.pyramids = pyramids;
        this.scoring = scoring;
        this.identity = identity;
    }

    @GET
    @RolesAllowed({ "cx-analyst", "cx-admin", "branch-manager", "regional-manager" })
    @Operation(summary = "The metric pyramid of the week or month containing a day", description = "Every node has its value, "
            + "the previous period's, the delta, whether the change is significant (z test, alpha "
            + "windbell.scoring.pyramid.alpha), n, lowSample and its contribution to the level above. The north star "
            + "is the bank's NPS or its experience index, as the index model in force says. Branch and regional "
            + "managers see their own branch or region only.")
    @APIResponse(responseCode = "200", description = "the pyramid (n = 0 and no journeys when there is nothing in scope)")
    @APIResponse(responseCode = "400", description = "invalid parameters, one violation per parameter")
    @APIResponse(responseCode = "403", description = "a role without access to scores")
    public PyramidDocument pyramid(
            @Parameter(description = "WEEK (ISO, from Monday) or MONTH (default)") @QueryParam("period") String period,
            @Parameter(description = "a day of the period, YYYY-MM-DD (the bank's); default today") @QueryParam("date") String date,
            @Parameter(description = "only this branch") @QueryParam("branchId") String branchId,
            @Parameter(description = "only this region") @QueryParam("regionId") String regionId) throws SQLException {
        QueryParams params = new QueryParams();
        Period.Kind kind = params.oneOf("period", period, Period.Kind.class);
        LocalDate day = DayRange.date(params, "date", date);
        String branch = params.id("branchId", branchId, Identifiers::isBranchId, Identifiers.BRANCH_ID_REGEX);
        String region = params.id("regionId", regionId, Identifiers::isBranchId, Identifiers.BRANCH_ID_REGEX);
        params.check();
        Period of = Period.containing(kind == null ? Period.Kind.MONTH : kind,
                day == null ? LocalDate.now(scoring.timeZone()) : day);
        return PyramidDocument.of(pyramids.pyramid(of, ScoringAccess.narrow(identity, branch, region)));
    }
}
