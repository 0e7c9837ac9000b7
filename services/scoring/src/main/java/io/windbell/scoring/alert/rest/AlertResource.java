package io.windbell.scoring.alert.rest;

import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

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
import io.windbell.contracts.alert.Severity;
import io.windbell.platform.paging.Page;
import io.windbell.platform.paging.QueryParams;
import io.windbell.platform.paging.QueryParams.Keyset;
import io.windbell.platform.problem.Problem;
import io.windbell.platform.security.DataScope;
import io.windbell.scoring.ScoringAccess;
import io.windbell.scoring.alert.AlertQuery;
import io.windbell.scoring.alert.AlertQuery.AlertRow;
import io.windbell.scoring.alert.AlertType;

/**
 * The alerts scoring raised. Analysts and admins see all; a branch manager sees the low-score alerts of their branch, a
 * regional manager those of their region; bank-wide touchpoint alerts belong to no branch, so managers do not see them.
 */
@Path("/v1/alerts")
@Tag(name = "alerts", description = "Low-score and touchpoint degradation alerts raised on cx.experience-alerts.v1")
@Produces({ MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE })
public class AlertResource {

    private final AlertQuery alerts;
    private final SecurityIdentity identity;

    AlertResource(AlertQuery alerts, SecurityIdentity identity) {
        this.alerts = alerts;
        this.identity = identity;
    }

    @GET
    @RolesAllowed({ "cx-analyst", "cx-admin", "branch-manager", "regional-manager" })
    @Operation(summary = "List alerts, newest first, by cursor", description = "Each item carries the event as "
            + "published (event). A branch or region filter outside the caller's scope answers an empty page.")
    @APIResponse(responseCode = "200", description = "One page of alerts")
    @APIResponse(responseCode = "400", description = "Invalid filter, cursor or limit (violations per parameter)")
    @APIResponse(responseCode = "403", description = "A role without access to alerts, or a manager's token without "
            + "its branch_id / region_id claim")
    public Page<AlertRow> list(
            @Parameter(description = "LOW_SCORE, TOUCHPOINT_DEGRADED or TOUCHPOINT_RECOVERED") @QueryParam("type") String type,
            @Parameter(description = "LOW, MEDIUM, HIGH or CRITICAL") @QueryParam("severity") String severity,
            @Parameter(description = "routing branch of low-score alerts") @QueryParam("branchId") String branchId,
            @Parameter(description = "region of the routing branch") @QueryParam("regionId") String regionId,
            @Parameter(description = "raised at or after (ISO-8601)") @QueryParam("from") String from,
            @Parameter(description = "raised before (ISO-8601)") @QueryParam("to") String to,
            @Parameter(description = "nextCursor of the previous page") @QueryParam("cursor") String cursor,
            @Parameter(description = "page size, 1..200, default 50") @QueryParam("limit") String limit)
            throws SQLException {
        QueryParams params = new QueryParams();
        AlertType alertType = params.oneOf("type", type, AlertType.class);
        Severity level = params.oneOf("severity", severity, Severity.class);
        String branch = params.id("branchId", branchId, Identifiers::isBranchId, Identifiers.BRANCH_ID_REGEX);
        String region = params.id("regionId", regionId, Identifiers::isBranchId, Identifiers.BRANCH_ID_REGEX);
        Instant fromAt = params.instant("from", from);
        Instant toAt = params.instant("to", to);
        int size = params.limit(limit);
        params.window(fromAt, toAt);
        params.check();
        Keyset after = QueryParams.keyset(cursor);
        Optional<DataScope.Filter> scoped = ScoringAccess.narrow(identity, branch, region);
        if (scoped.isEmpty()) {
            return new Page<>(List.of(), null);
        }
        return alerts.list(
                new AlertQuery.Filter(alertType, level, scoped.get().branchId(), scoped.get().regionId(), fromAt, toAt),
                after, size);
    }
}
