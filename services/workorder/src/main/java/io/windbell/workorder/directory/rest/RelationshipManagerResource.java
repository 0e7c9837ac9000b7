package io.windbell.workorder.directory.rest;

import java.time.Instant;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import io.windbell.contracts.Identifiers;
import io.windbell.platform.paging.QueryParams;
import io.windbell.platform.problem.Problem;
import io.windbell.platform.problem.ProblemException;
import io.windbell.platform.security.DataScope;
import io.windbell.workorder.directory.DirectoryImports;
import io.windbell.workorder.directory.DirectoryReads;

/** Customer → relationship manager assignments: routing's first choice for a customer's orders. */
@Path("/v1/relationship-managers")
@Tag(name = "staff directory")
@Produces({ MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE })
public class RelationshipManagerResource {

    private final DirectoryReads reads;
    private final DirectoryImports imports;
    private final SecurityIdentity identity;

    RelationshipManagerResource(DirectoryReads reads, DirectoryImports imports, SecurityIdentity identity) {
        this.reads = reads;
        this.imports = imports;
        this.identity = identity;
    }

    @GET
    @Path("/{customerId}")
    @RolesAllowed({ DirectoryAccess.ADMIN, "branch-manager", "regional-manager" })
    @Operation(summary = "A customer's relationship manager")
    @APIResponse(responseCode = "200", description = "The RM, their branch and since when")
    @APIResponse(responseCode = "400", description = "Not a customer id")
    @APIResponse(responseCode = "403", description = "Another role")
    @APIResponse(responseCode = "404", description = "No RM, or an RM outside the caller's branch or region")
    public Uni<RelationshipManagerView> get(@PathParam("customerId") String customerId) {
        String id = QueryParams.pathId("customerId", customerId, Identifiers::isCustomerId,
                Identifiers.CUSTOMER_ID_REGEX);
        DataScope scope = DirectoryAccess.scope(identity);
        return reads.relationshipManager(id).map(found -> {
            if (found == null || !scope.allows(found.employee().branchId, found.employee().regionId)) {
                // not the customer id: it is personal data, and the caller knows which one they asked for
                throw ProblemException.notFound("relationship manager of", "this customer");
            }
            return RelationshipManagerView.of(found);
        });
    }

    @POST
    @Path("/import")
    @Consumes({ "text/csv", MediaType.APPLICATION_JSON })
    @RolesAllowed(DirectoryAccess.ADMIN)
    @Operation(summary = "Import customer → RM assignments, all rows or none", description = "CSV with the header "
            + "customerId,employeeId or a JSON array of such objects; upsert by customerId. The RM must already be in "
            + "the directory.")
    @APIResponse(responseCode = "200", description = "Imported: rows, created, updated")
    @APIResponse(responseCode = "400", description = "Invalid rows (by line or index and field); nothing imported")
    @APIResponse(responseCode = "403", description = "Not cx-admin")
    @APIResponse(responseCode = "413", description = "Too many rows or bytes")
    @APIResponse(responseCode = "415", description = "Neither text/csv nor application/json")
    public Uni<DirectoryImports.Result> importAssignments(byte[] body, @Context HttpHeaders headers) {
        return imports.relationshipManagers(DirectoryAccess.mediaType(headers), body, Instant.now());
    }
}
