package io.windbell.workorder.directory.rest;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
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
import io.windbell.platform.security.DataScope;
import io.windbell.workorder.directory.DirectoryImports;
import io.windbell.workorder.directory.DirectoryReads;

/** The branches of the directory, each with its region and manager: the escalation hierarchy. */
@Path("/v1/branches")
@Tag(name = "staff directory")
@Produces({ MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE })
public class BranchResource {

    private final DirectoryReads reads;
    private final DirectoryImports imports;
    private final SecurityIdentity identity;

    BranchResource(DirectoryReads reads, DirectoryImports imports, SecurityIdentity identity) {
        this.reads = reads;
        this.imports = imports;
        this.identity = identity;
    }

    @GET
    @RolesAllowed({ DirectoryAccess.ADMIN, "branch-manager", "regional-manager" })
    @Operation(summary = "List branches by id, by cursor", description = "A branch manager sees their branch, a "
            + "regional manager the branches of their region.")
    @APIResponse(responseCode = "200", description = "One page of branches")
    @APIResponse(responseCode = "400", description = "Invalid filter, cursor or limit (violations per parameter)")
    @APIResponse(responseCode = "403", description = "Another role, or a manager's token without its scope claim")
    public Uni<Page<BranchView>> list(@Parameter(description = "region id") @QueryParam("regionId") String regionId,
            @Parameter(description = "nextCursor of the previous page") @QueryParam("cursor") String cursor,
            @Parameter(description = "page size, 1..200, default 50") @QueryParam("limit") String limit) {
        QueryParams params = new QueryParams();
        String region = params.id("regionId", regionId, Identifiers::isRegionId, Identifiers.REGION_ID_REGEX);
        int size = params.limit(limit);
        params.check();
        String after = DirectoryAccess.after(cursor, Identifiers::isBranchId);
        Optional<DataScope.Filter> scoped = DirectoryAccess.scope(identity).narrow(null, region);
        if (scoped.isEmpty()) {
            return Uni.createFrom().item(new Page<>(List.of(), null));
        }
        return reads.branches(scoped.get().branchId(), scoped.get().regionId(), after, size)
                .map(rows -> DirectoryAccess.page(rows, size, BranchView::of, branch -> branch.branchId));
    }

    @POST
    @Path("/import")
    @Consumes({ "text/csv", MediaType.APPLICATION_JSON })
    @RolesAllowed(DirectoryAccess.ADMIN)
    @Operation(summary = "Import branches, all rows or none", description = "CSV with the header "
            + "branchId,regionId,name,managerId or a JSON array of such objects; upsert by branchId. A manager must "
            + "already be in the directory: import the staff first.")
    @APIResponse(responseCode = "200", description = "Imported: rows, created, updated")
    @APIResponse(responseCode = "400", description = "Invalid rows (by line or index and field); nothing imported")
    @APIResponse(responseCode = "403", description = "Not cx-admin")
    @APIResponse(responseCode = "413", description = "Too many rows or bytes")
    @APIResponse(responseCode = "415", description = "Neither text/csv nor application/json")
    public Uni<DirectoryImports.Result> importBranches(byte[] body, @Context HttpHeaders headers) {
        return imports.branches(DirectoryAccess.mediaType(headers), body, Instant.now());
    }
}
