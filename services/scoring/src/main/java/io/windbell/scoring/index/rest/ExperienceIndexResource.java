package io.windbell.scoring.index.rest;

import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

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
import io.windbell.platform.problem.Violation;
import io.windbell.platform.security.DataScope;
import io.windbell.platform.versioning.Versioning;
import io.windbell.scoring.ScoringAccess;
import io.windbell.scoring.ScoringConfig;
import io.windbell.scoring.index.ExperienceIndexService;
import io.windbell.scoring.index.ExperienceIndexService.Level;
import io.windbell.scoring.index.IndexConfig;
import io.windbell.scoring.rollup.DayRange;

/**
 * The experience index of the bank, a journey or a touchpoint over a span of the bank's days, within the caller's data
 * scope: a branch manager asking for another branch gets an index of nothing, never the numbers.
 */
@Path("/v1/experience-index")
@Tag(name = "experience-index", description = "A composite of normalised X-data and O-data on 0..100 (ADR 0016)")
@Produces({ MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE })
public class ExperienceIndexResource {

    /** The roles that see every branch; branch and regional managers see their own ({@link DataScope}). */
    private final ExperienceIndexService service;
    private final ScoringConfig scoring;
    private final IndexConfig config;
    private final SecurityIdentity identity;

    ExperienceIndexResource(ExperienceIndexService service, ScoringConfig scoring, IndexConfig config,
            SecurityIdentity identity) {
        this.service = service;
        this.scoring = scoring;
        this.config = config;
        this.identity = identity;
    }

    @GET
    @RolesAllowed({ "cx-analyst", "cx-admin", "branch-manager", "regional-manager" })
    @Operation(summary = "The experience index of one subject over [from, to] (the bank's days)", description = "The weighted mean of the "
            + "normalised components that have the minimum sample, by the active index model (or the built-in default), "
            + "with each component, its weight and whether it was used, and the coverage. Defaults: to = today, "
            + "from = to - 29 days. Branch and regional managers see their own branch or region only.")
    @APIResponse(responseCode = "200", description = "the index (value absent when no component has the minimum sample)")
    @APIResponse(responseCode = "400", description = "invalid parameters, one violation per parameter")
    @APIResponse(responseCode = "403", description = "a role without access to scores")
    public ExperienceIndexDocument index(
            @Parameter(description = "BANK (default), JOURNEY or TOUCHPOINT") @QueryParam("level") String level,
            @Parameter(description = "the journey code or touchpoint code; required for JOURNEY and TOUCHPOINT, ignored for BANK") @QueryParam("code") String code,
            @Parameter(description = "first day, YYYY-MM-DD (the bank's)") @QueryParam("from") String from,
            @Parameter(description = "last day, YYYY-MM-DD, included") @QueryParam("to") String to,
            @Parameter(description = "only this branch") @QueryParam("branchId") String branchId,
            @Parameter(description = "only this region") @QueryParam("regionId") String regionId) throws SQLException {
        QueryParams params = new QueryParams();
        Level subject = params.oneOf("level", level, Level.class);
        subject = subject == null ? Level.BANK : subject;
        String subjectCode = switch (subject) {
        case BANK -> null;
        case JOURNEY -> params.requiredId("code", code, Identifiers::isJourneyCode, Identifiers.JOURNEY_CODE_REGEX);
        case TOUCHPOINT -> params.requiredId("code", code, Identifiers::isTouchpointCode,
                Identifiers.TOUCHPOINT_CODE_REGEX);
        };
        LocalDate[] days = DayRange.parse(params, from, to);
        String branch = params.id("branchId", branchId, Identifiers::isBranchId, Identifiers.BRANCH_ID_REGEX);
        String region = params.id("regionId", regionId, Identifiers::isBranchId, Identifiers.BRANCH_ID_REGEX);
        params.check();
        List<Violation> violations = new ArrayList<>();
        DayRange range = DayRange.of(days[0], days[1], scoring.timeZone(), Instant.now(), DayRange.DEFAULT_DAYS,
                config.maxDays(), violations);
        Versioning.requireValid(List.of(), violations);
        LocalDate first = range.from();
        LocalDate last = range.to();
        return ExperienceIndexDocument
                .of(service.index(subject, subjectCode, first, last, ScoringAccess.narrow(identity, branch, region)));
    }
}
