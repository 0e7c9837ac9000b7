package io.windbell.workorder.directory.rest;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import io.windbell.contracts.Identifiers;
import io.windbell.platform.paging.Page;
import io.windbell.platform.paging.QueryParams;
import io.windbell.platform.problem.Problem;
import io.windbell.platform.problem.ProblemException;
import io.windbell.platform.security.DataScope;
import io.windbell.workorder.directory.DirectoryImports;
import io.windbell.workorder.directory.DirectoryReads;
import io.windbell.workorder.directory.StaffRole;

/** The employees of the staff directory: the HR import (cx-admin) and scoped reads for managers. */
@Path("/v1/staff")
@Tag(name = "staff directory", description = "Employees, branches and relationship managers that routing and "
        + "escalation use")
@Produces({ MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE })
public class StaffResource {

    private final DirectoryReads reads;
    private final DirectoryImports imports;
    private final SecurityIdentity identity;

    StaffResource(DirectoryReads reads, DirectoryImports imports, SecurityIdentity identity) {
        this.reads = reads;
        this.imports = imports;
        this.identity = identity;
    }

    @GET
    @RolesAllowed({ DirectoryAccess.ADMIN, "branch-manager", "regional-manager" })
    @Operation(summary = "List employees by id, by cursor", description = "A branch manager sees their branch, a "
            + "regional manager their region; a filter outside the caller's scope answers an empty page.")
    @APIResponse(responseCode = "200", description = "One page of employees")
    @APIResponse(responseCode = "400", description = "Invalid filter, cursor or limit (violations per parameter)")
    @APIResponse(responseCode = "403", description = "Another role, or a manager's token without its scope claim")
    public Uni<Page<StaffView>> list(@Parameter(description = "branch id") @QueryParam("branchId") String branchId,
            @Parameter(description = "region id") @QueryParam("regionId") String regionId,
            @Parameter(description = "a StaffRole, e.g. FRONTLINE") @QueryParam("role") String role,
            @Parameter(description = "nextCursor of the previous page") @QueryParam("cursor") String cursor,
            @Parameter(description = "page size, 1..200, default 50") @QueryParam("limit") String limit) {
        QueryParams params = new QueryParams();
        String branch = params.id("branchId", branchId, Identifiers::isBranchId, Identifiers.BRANCH_ID_REGEX);
        String region = params.id("regionId", regionId, Identifiers::isRegionId, Identifiers.REGION_ID_REGEX);
        StaffRole staffRole = params.oneOf("role", role, StaffRole.class);
        int size = params.limit(limit);
        params.check();
        String after = DirectoryAccess.after(cursor, Identifiers::isEmployeeId);
        Optional<DataScope.Filter> scoped = DirectoryAccess.scope(identity).narrow(branch, region);
        if (scoped.isEmpty()) {
            return Uni.createFrom().item(new Page<>(List.of(), null));
        }
        DirectoryReads.Filter filter = new DirectoryReads.Filter(scoped.get().branchId(), scoped.get().regionId(),
                staffRole);
        return reads.staff(filter, after, size)
                .map(rows -> DirectoryAccess.page(rows, size, StaffView::of, employee -> employee.employeeId));
    }

    @GET
    @Path("/{employeeId}")
    @RolesAllowed({ DirectoryAccess.ADMIN, "branch-manager", "regional-manager" })
    @Operation(summary = "One employee, with their open order count")
    @APIResponse(responseCode = "200", description = "The employee")
    @APIResponse(responseCode = "400", description = "Not an employee id")
    @APIResponse(responseCode = "403", description = "Another role")
    @APIResponse(responseCode = "404", description = "No such employee, or one outside the caller's branch or region")
    public Uni<StaffView> get(@PathParam("employeeId") String employeeId) {
        String id = QueryParams.pathId("employeeId", employeeId, Identifiers::isEmployeeId,
                Identifiers.EMPLOYEE_ID_REGEX);
        DataScope scope = DirectoryAccess.scope(identity);
        return reads.employee(id).map(found -> {
            if (found == null || !scope.allows(found.employee().branchId, found.employee().regionId)) {
                throw ProblemException.notFound("employee", id);
            }
            return StaffView.of(found.employee(), found.load().openOrders());
        });
    }

    @POST
    @Path("/import")
    @Consumes({ "text/csv", MediaType.APPLICATION_JSON })
    @RolesAllowed(DirectoryAccess.ADMIN)
    @Operation(summary = "Import employees (the HR extract), all rows or none", description = "CSV with the header "
            + "employeeId,name,branchId,regionId,role,managerId,calendar,skills,capacity,active (optional column "
            + "onLeaveUntil; skills separated by ;) or a JSON array of objects with these fields. Upsert by "
            + "employeeId; mode=replace also deactivates the employees of the file's branches that it leaves out.")
    @APIResponse(responseCode = "200", description = "Imported: rows, created, updated, deactivated")
    @APIResponse(responseCode = "400", description = "Invalid rows (violations by line or index and field, rows "
            + "lists them all); nothing was imported")
    @APIResponse(responseCode = "403", description = "Not cx-admin")
    @APIResponse(responseCode = "413", description = "More rows or bytes than one import may hold")
    @APIResponse(responseCode = "415", description = "Neither text/csv nor application/json")
    public Uni<DirectoryImports.Result> importStaff(byte[] body, @Context HttpHeaders headers,
            @Parameter(description = "upsert (default) or replace") @QueryParam("mode") String mode) {
        QueryParams params = new QueryParams();
        DirectoryImports.Mode chosen = params.oneOf("mode", mode, DirectoryImports.Mode.class);
        params.check();
        return imports.staff(DirectoryAccess.mediaType(headers), body,
                chosen == null ? DirectoryImports.Mode.UPSERT : chosen, Instant.now());
    }
}
