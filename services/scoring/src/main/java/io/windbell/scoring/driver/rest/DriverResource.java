package io.windbell.scoring.driver.rest;

import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Set;

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
import io.windbell.platform.security.DataScope;
import io.windbell.scoring.driver.DriverAnalysis;
import io.windbell.scoring.driver.DriverConfig;
import io.windbell.scoring.driver.DriverReport;

/** Driver analysis per journey: which touchpoint factors move the anchor score. */
@Path("/v1/journeys/{journeyCode}/drivers")
@Tag(name = "drivers", description = "Which touchpoint factors explain a journey's anchor score")
@Produces({ MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE })
public class DriverResource {

    private final DriverAnalysis analysis;
    private final DriverConfig config;
    private final SecurityIdentity identity;

    DriverResource(DriverAnalysis analysis, DriverConfig config, SecurityIdentity identity) {
        this.analysis = analysis;
        this.config = config;
        this.identity = identity;
    }

    @GET
    @RolesAllowed({ "cx-analyst", "cx-admin", "branch-manager", "regional-manager" })
    @Operation(summary = "Regress the journey's anchor score on its touchpoint factors", description = "Responses in "
            + "[from, to) (default: the last 90 days; at most 366 days), in the caller's branch or region. Per factor "
            + "the standardized coefficient, its standard error and p-value, and its LMG share of R^2; with n, R^2, "
            + "adjusted R^2 and the F test. Too few observations, a factor that does not vary or collinear factors "
            + "answer status INSUFFICIENT with a reason. A branch or region outside the caller's scope answers as if "
            + "there were no responses.")
    @APIResponse(responseCode = "200", description = "The analysis, or why there is none (status, reason)")
    @APIResponse(responseCode = "400", description = "Invalid parameters (violations per parameter)")
    @APIResponse(responseCode = "403", description = "The role may not read driver analysis")
    public DriverReport drivers(@PathParam("journeyCode") String journeyCode,
            @Parameter(description = "inclusive ISO-8601 instant (or date, UTC)") @QueryParam("from") String from,
            @Parameter(description = "exclusive ISO-8601 instant (or date, UTC)") @QueryParam("to") String to,
            @Parameter(description = "only responses attributed to this branch") @QueryParam("branchId") String branchId,
            @Parameter(description = "only responses attributed to this region") @QueryParam("regionId") String regionId,
            @Parameter(description = "NPS, CSAT or CES; default: the anchor most responses carry") @QueryParam("metric") String metric)
            throws SQLException {
        QueryParams params = new QueryParams();
        String journey = params.requiredId("journeyCode", journeyCode, Identifiers::isJourneyCode,
                Identifiers.JOURNEY_CODE_REGEX);
        Instant fromAt = params.instant("from", from);
        Instant toAt = params.instant("to", to);
        String branch = params.id("branchId", branchId, Identifiers::isBranchId, Identifiers.BRANCH_ID_REGEX);
        String region = params.id("regionId", regionId, Identifiers::isBranchId, Identifiers.BRANCH_ID_REGEX);
        AnchorMetric anchor = params.oneOf("metric", metric, AnchorMetric.class);
        params.check();
        if (toAt == null) {
            toAt = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        }
        if (fromAt == null) {
            fromAt = toAt.minus(config.defaultWindow());
        }
        params.window(fromAt, toAt, config.maxWindow());
        params.check();
        DataScope scope = DataScope.of(identity, Set.of("cx-analyst", "cx-admin"));
        return analysis.analyse(journey, anchor, fromAt, toAt, scope.narrow(branch, region));
    }
}
