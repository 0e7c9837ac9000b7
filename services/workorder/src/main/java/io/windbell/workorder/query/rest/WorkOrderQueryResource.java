package io.windbell.workorder.query.rest;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import io.windbell.platform.paging.Page;
import io.windbell.platform.paging.QueryParams;
import io.windbell.platform.problem.Problem;
import io.windbell.platform.problem.Violation;
import io.windbell.workorder.WorkorderConfig;
import io.windbell.workorder.access.Viewer;
import io.windbell.workorder.access.WorkOrderAccess;
import io.windbell.workorder.query.OrderCsv;
import io.windbell.workorder.query.OrderFilter;
import io.windbell.workorder.query.OrderQueries;
import io.windbell.workorder.query.OrderStats;
import io.windbell.workorder.query.WorkOrderView;

/**
 * The reads of work orders, each within the caller's scope (ADR 0022): a filter outside it finds nothing, an order
 * outside it is a 404. Lists and the export for staff who work orders; statistics (aggregates, no customer ids) for CX
 * analysts too.
 */
@Path("/v1/workorders")
@Tag(name = "workorders", description = "Recovery tickets, call-backs and special tasks: lifecycle and queries")
@Produces({ MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE })
@APIResponse(responseCode = "400", description = "invalid parameters (violations per parameter)")
@APIResponse(responseCode = "403", description = "a role that may not read this, or a token without the claim its "
        + "role needs (employee_id, branch_id, region_id)")
public class WorkOrderQueryResource {

    /** The most rows one export holds. */
    static final int EXPORT_MAX = 10_000;

    private final OrderQueries queries;
    private final SecurityIdentity identity;
    private final ZoneId zone;

    WorkOrderQueryResource(OrderQueries queries, SecurityIdentity identity, WorkorderConfig config) {
        this.queries = queries;
        this.identity = identity;
        this.zone = ZoneId.of(config.timeZone());
    }

    @GET
    @RolesAllowed({ "frontline", "branch-manager", "regional-manager", "cx-admin" })
    @Operation(summary = "List orders by creation time, by cursor", description = "Frontline: their own and their "
            + "branch queue's unassigned orders; managers: their branch or region; cx-admin: all.")
    @APIResponse(responseCode = "200", description = "one page of orders")
    public Uni<Page<WorkOrderView>> list(@BeanParam FilterParams filters,
            @Parameter(description = "-createdAt (newest first, the default) or createdAt") @QueryParam("sort") String sort,
            @Parameter(description = "nextCursor of the previous page") @QueryParam("cursor") String cursor,
            @Parameter(description = "page size, 1..200, default 50") @QueryParam("limit") String limit) {
        QueryParams params = new QueryParams();
        List<Violation> violations = new ArrayList<>();
        OrderFilter filter = filters.parse(params, zone, violations);
        int size = params.limit(limit);
        boolean ascending = "createdAt".equals(sort);
        if (sort != null && !ascending && !"-createdAt".equals(sort)) {
            violations.add(new Violation("sort", "must be -createdAt or createdAt"));
        }
        FilterParams.check(params, violations);
        QueryParams.Keyset after = QueryParams.keyset(cursor);
        return queries.list(WorkOrderAccess.orders(identity), filter, ascending, after, size, Instant.now());
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({ "frontline", "branch-manager", "regional-manager", "cx-admin" })
    @Operation(summary = "One order with its journey context, history (oldest first), contact attempts, signals and "
            + "linked orders; its ETag is the version to send in If-Match")
    @APIResponse(responseCode = "200", description = "the order")
    @APIResponse(responseCode = "404", description = "no such order in the caller's scope")
    public Uni<Response> detail(
            @Parameter(description = "the order's id", schema = @Schema(type = SchemaType.STRING, format = "uuid")) @PathParam("id") String id) {
        return queries.detail(WorkOrderAccess.orders(identity), OrderIds.parse(id))
                .map(detail -> Response.ok(detail).tag(new EntityTag(Long.toString(detail.order().version()))).build());
    }

    @GET
    @Path("/stats")
    @RolesAllowed({ "frontline", "branch-manager", "regional-manager", "cx-admin", "cx-analyst" })
    @Operation(summary = "Statistics of the orders in the caller's scope and filter: counts by status, SLA compliance, "
            + "backlog by age, time to first response and to resolve (mean, p90), recovery rate", description = "The period is createdFrom/createdTo (bank days). Aggregates only: no customer ids.")
    @APIResponse(responseCode = "200", description = "one row per group (one row without groupBy)")
    public Uni<List<OrderStats>> stats(@BeanParam FilterParams filters,
            @Parameter(description = "employee, branch, region, journey or type") @QueryParam("groupBy") String groupBy) {
        QueryParams params = new QueryParams();
        List<Violation> violations = new ArrayList<>();
        OrderFilter filter = filters.parse(params, zone, violations);
        OrderStats.GroupBy by = params.oneOf("groupBy", groupBy, OrderStats.GroupBy.class);
        FilterParams.check(params, violations);
        Viewer viewer = WorkOrderAccess.statistics(identity);
        return queries.stats(viewer, filter, by, Instant.now());
    }

    @GET
    @Path("/export")
    @Produces({ "text/csv", Problem.MEDIA_TYPE })
    @RolesAllowed({ "frontline", "branch-manager", "regional-manager", "cx-admin" })
    @Operation(summary = "The list as CSV (same filters and scope), newest first; at most 10,000 rows")
    @APIResponse(responseCode = "200", description = "the CSV")
    public Uni<Response> export(@BeanParam FilterParams filters) {
        QueryParams params = new QueryParams();
        List<Violation> violations = new ArrayList<>();
        OrderFilter filter = filters.parse(params, zone, violations);
        FilterParams.check(params, violations);
        return queries.export(WorkOrderAccess.orders(identity), filter, EXPORT_MAX, Instant.now())
                .map(orders -> Response.ok(OrderCsv.write(orders), "text/csv; charset=utf-8")
                        .header("Content-Disposition", "attachment; filename=\"workorders.csv\"").build());
    }
}
