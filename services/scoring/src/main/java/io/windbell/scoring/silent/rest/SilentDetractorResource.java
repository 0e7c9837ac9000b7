package io.windbell.scoring.silent.rest;

import java.sql.SQLException;
import java.time.Instant;
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
import io.windbell.platform.paging.Cursor;
import io.windbell.platform.paging.Page;
import io.windbell.platform.paging.QueryParams;
import io.windbell.platform.problem.Problem;
import io.windbell.platform.problem.ProblemException;
import io.windbell.platform.problem.Violation;
import io.windbell.scoring.ScoringAccess;
import io.windbell.scoring.silent.SilentConfig;
import io.windbell.scoring.silent.SilentDetractor;
import io.windbell.scoring.silent.SilentQuery;
import io.windbell.scoring.silent.SilentStore;

/** Customers whose behaviour says "detractor" but who never answered: the recovery list per branch. */
@Path("/v1/silent-detractors")
@Tag(name = "silent detractors", description = "Behavioural risk of customers who do not answer surveys")
@Produces({ MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE })
public class SilentDetractorResource {

    private final SilentQuery query;
    private final SilentConfig config;
    private final SecurityIdentity identity;

    SilentDetractorResource(SilentQuery query, SilentConfig config, SecurityIdentity identity) {
        this.query = query;
        this.config = config;
        this.identity = identity;
    }

    @GET
    @RolesAllowed({ "cx-analyst", "cx-admin", "branch-manager", "regional-manager" })
    @Operation(summary = "Silent detractors, highest score first, by cursor", description = "Customers with a "
            + "behavioural signal (failures, abandonments, interrupted journeys, slow key steps) within the lookback "
            + "and no survey answer within it, scored 0..100 with the reasons. A branch manager sees the customers of "
            + "their branch, a regional manager those of their region; another branch or region answers an empty "
            + "page. minScore defaults to windbell.scoring.silent.min-score.")
    @APIResponse(responseCode = "200", description = "One page of customers")
    @APIResponse(responseCode = "400", description = "Invalid filter, minScore, cursor or limit (violations per parameter)")
    @APIResponse(responseCode = "403", description = "The role may not read customers' risk")
    public Page<SilentDetractor> list(
            @Parameter(description = "only customers attributed to this branch") @QueryParam("branchId") String branchId,
            @Parameter(description = "only customers attributed to this region") @QueryParam("regionId") String regionId,
            @Parameter(description = "0..100") @QueryParam("minScore") String minScore,
            @Parameter(description = "nextCursor of the previous page") @QueryParam("cursor") String cursor,
            @Parameter(description = "page size, 1..200, default 50") @QueryParam("limit") String limit)
            throws SQLException {
        QueryParams params = new QueryParams();
        String branch = params.id("branchId", branchId, Identifiers::isBranchId, Identifiers.BRANCH_ID_REGEX);
        String region = params.id("regionId", regionId, Identifiers::isBranchId, Identifiers.BRANCH_ID_REGEX);
        Integer min = minScore == null || minScore.isBlank() ? Integer.valueOf(config.minScore())
                : params.integer("minScore", minScore, 0);
        int size = params.limit(limit);
        params.check();
        if (min > 100) {
            throw new ProblemException(
                    Problem.of("invalid-request", "Invalid request", 400, "1 parameter(s) are invalid").withViolations(
                            List.of(new Violation("minScore", "must be an integer between 0 and 100"))));
        }
        SilentStore.After after = after(cursor);
        return query.list(ScoringAccess.narrow(identity, branch, region), min, after, size, Instant.now());
    }

    /** The cursor's (rank key, customer id), or a 400 when it is not one this API wrote. */
    static SilentStore.After after(String cursor) {
        if (cursor == null || cursor.isBlank()) {
            return null;
        }
        List<String> keys = Cursor.decode(cursor, 2);
        try {
            double rankKey = Double.parseDouble(keys.get(0));
            if (Double.isFinite(rankKey) && Identifiers.isCustomerId(keys.get(1))) {
                return new SilentStore.After(rankKey, keys.get(1));
            }
        } catch (NumberFormatException e) {
            // the same answer as a cursor of the wrong shape
        }
        throw Cursor.invalidCursor();
    }
}
