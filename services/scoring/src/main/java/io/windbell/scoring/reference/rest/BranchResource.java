package io.windbell.scoring.reference.rest;

import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.logging.Logger;

import io.quarkus.security.identity.SecurityIdentity;
import io.windbell.contracts.Identifiers;
import io.windbell.platform.problem.Problem;
import io.windbell.platform.problem.Violation;
import io.windbell.platform.versioning.Versioning;
import io.windbell.scoring.reference.BranchDirectory;

/**
 * The branch directory: which region each branch belongs to, so that a regional manager's metrics cover their branches.
 * CX admins replace it as a whole (the bank's organisation export); analysts read it.
 */
@Path("/v1/branches")
@Tag(name = "branches", description = "Branch to region directory used to attribute metrics to regions")
@Produces({ MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE })
@Consumes(MediaType.APPLICATION_JSON)
public class BranchResource {

    private static final Logger LOG = Logger.getLogger(BranchResource.class);

    static final int MAX_BRANCHES = 20_000;

    private final BranchDirectory directory;
    private final SecurityIdentity identity;

    BranchResource(BranchDirectory directory, SecurityIdentity identity) {
        this.directory = directory;
        this.identity = identity;
    }

    /** One branch as the API reads and writes it. */
    @Schema(name = "Branch")
    public record BranchDocument(@Schema(required = true, examples = "B001") String branchId,
            @Schema(required = true, examples = "R01") String regionId,
            @Schema(description = "display name", examples = "Pudong Lujiazui") String name,
            @Schema(readOnly = true) Instant updatedAt) {
    }

    /** The whole directory. */
    @Schema(name = "BranchDirectory")
    public record DirectoryDocument(@Schema(required = true) List<BranchDocument> branches) {
    }

    @GET
    @RolesAllowed({ "cx-admin", "cx-analyst" })
    @Operation(summary = "The branch directory, by branch id")
    @APIResponse(responseCode = "200", description = "every branch with its region")
    public DirectoryDocument list() throws SQLException {
        return new DirectoryDocument(directory.list().stream()
                .map(b -> new BranchDocument(b.branchId(), b.regionId(), b.name(), b.updatedAt())).toList());
    }

    @PUT
    @RolesAllowed("cx-admin")
    @Operation(summary = "Replace the branch directory (all or nothing); metrics folded from now on use it")
    @APIResponse(responseCode = "200", description = "the directory as stored")
    @APIResponse(responseCode = "400", description = "invalid, with one violation per field (branches[i].field)")
    public DirectoryDocument replace(@NotNull DirectoryDocument body) throws SQLException {
        List<Violation> violations = validate(body);
        Versioning.requireValid(List.of(), violations);
        directory.replace(
                body.branches().stream()
                        .map(b -> new BranchDirectory.Branch(b.branchId(), b.regionId(), b.name(), null)).toList(),
                Instant.now());
        LOG.infof("branch directory replaced by %s: %d branches", identity.getPrincipal().getName(),
                body.branches().size());
        return list();
    }

    static List<Violation> validate(DirectoryDocument body) {
        List<Violation> violations = new ArrayList<>();
        if (body.branches() == null) {
            violations.add(new Violation("branches", "is required: a list of branches"));
            return violations;
        }
        if (body.branches().size() > MAX_BRANCHES) {
            violations.add(new Violation("branches", "at most " + MAX_BRANCHES + " branches"));
            return violations;
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < body.branches().size(); i++) {
            BranchDocument branch = body.branches().get(i);
            String at = "branches[" + i + "]";
            if (branch == null) {
                violations.add(new Violation(at, "must be an object"));
                continue;
            }
            if (branch.branchId() == null || !Identifiers.isBranchId(branch.branchId())) {
                violations.add(new Violation(at + ".branchId", "must match " + Identifiers.BRANCH_ID_REGEX));
            } else if (!seen.add(branch.branchId())) {
                violations.add(new Violation(at + ".branchId", "appears twice"));
            }
            // region ids follow the branch id rule
            if (branch.regionId() == null || !Identifiers.isBranchId(branch.regionId())) {
                violations.add(new Violation(at + ".regionId", "must match " + Identifiers.BRANCH_ID_REGEX));
            }
            if (branch.name() != null && (branch.name().isBlank() || branch.name().length() > 200)) {
                violations.add(new Violation(at + ".name", "1 to 200 characters when present"));
            }
        }
        return violations;
    }
}
