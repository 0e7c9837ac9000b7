package io.windbell.scoring.driver.rest;

import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

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

import io.quarkus.security.identity.SecurityIdentity;
import io.windbell.contracts.Identifiers;
import io.windbell.contracts.survey.AnchorMetric;
import io.windbell.platform.paging.QueryParams;
import io.windbell.platform.problem.Problem;
import io.windbell.platform.problem.Violation;
import io.windbell.platform.versioning.Versioning;
import io.windbell.scoring.ScoringAccess;
import io.windbell.scoring.ScoringConfig;
import io.windbell.scoring.driver.DriverAnalysis;
import io.windbell.scoring.driver.DriverConfig;
import io.windbell.scoring.driver.DriverReport;
import io.windbell.scoring.rollup.DayRange;

/** Driver analysis per journey: which touchpoint factors move the anchor score. */
@Path("/v1/journeys/{journeyCode}/drivers")
@Tag(name = "drivers", description = "Which touchpoint factors explain a journey's anchor score")
@Produces({ MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE })
public class DriverResource {

    private final DriverAnalysis analysis;
    private final DriverConfig config;
    private final ScoringConfig scoring;
    private final SecurityIdentity identity;

    DriverResource(DriverAnalysis analysis, DriverConfig config, ScoringConfig scoring, SecurityIdentity identity) {
        this.scoring = scoring;
        this.analysis = analysis;
        this.config = config;
        this.identity = identity;
    }

    @GET
    @RolesAllowed({ "cx-analyst", "cx-admin", "branch-manager", "regional-manager" })
    @Operation(summary = "Regress the journey's anchor score on its touchpoint factors", description = "Responses of "
            + "the bank days [from, to] (default: the last 90 days; at most 366 days), in the caller's branch or region. Per factor "
            + "the standardized coefficient, its standard error and p-value, and its LMG share of R^2; with n, R^2, "
            + "adjusted R^2 and the F test. Too few observations, a factor that does not vary or collinear factors "
            + "answer status INSUFFICIENT with a reason. A branch or region outside the caller's scope answers as if "
            + "there were no responses.")
    @APIResponse(responseCode = "200", description = "The analysis, or why there is none (status, reason)")
    @APIResponse(responseCode = "400", description = "Invalid parameters (violations per parameter)")
    @APIResponse(responseCode = "403", description = "The role may not read driver analysis")
    public DriverReport drivers(@PathParam("journeyCode") String journeyCode,
            @Parameter(description = "first bank day, yyyy-MM-dd (default: 90 days before to)") @QueryParam("from") String from,
            @Parameter(description = "last bank day, yyyy-MM-dd, included (default: today)") @QueryParam("to") String to,
            @Parameter(description = "only responses attributed to this branch") @QueryParam("branchId") String branchId,
            @Parameter(description = "only responses attributed to this region") @QueryParam("regionId") String regionId,
            @Parameter(description = "NPS, CSAT or CES; default: the anchor most responses carry") @QueryParam("metric") String metric)
            throws SQLException {
        QueryParams params = new QueryParams();
        String journey = params.requiredId("journeyCode", journeyCode, Identifiers::isJourneyCode,
                Identifiers.JOURNEY_CODE_REGEX);
        LocalDate[] days = DayRange.parse(params, from, to);
        String branch = params.id("branchId", branchId, Identifiers::isBranchId, Identifiers.BRANCH_ID_REGEX);
        String region = params.id("regionId", regionId, Identifiers::isBranchId, Identifiers.BRANCH_ID_REGEX);
        AnchorMetric anchor = params.oneOf("metric", metric, AnchorMetric.class);
        params.check();
        List<Violation> violations = new ArrayList<>();
        DayRange range = DayRange.of(days[0], days[1], scoring.timeZone(), Instant.now(),
                (int) config.defaultWindow().toDays(), (int) config.maxWindow().toDays(), violations);
        Versioning.requireValid(List.of(), violations);
        return analysis.analyse(journey, anchor, range.from(), range.to(),
                ScoringAccess.narrow(identity, branch, region));
    }
}
