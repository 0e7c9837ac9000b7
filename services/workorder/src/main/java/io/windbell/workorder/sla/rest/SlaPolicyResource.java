package io.windbell.workorder.sla.rest;

import java.time.Instant;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.logging.Logger;

import io.quarkus.security.identity.SecurityIdentity;
import io.windbell.config.VersionedStore;
import io.windbell.config.VersionedStore.StaleVersionException;
import io.windbell.config.VersionedStore.Stored;
import io.windbell.config.rest.VersionedCommands;
import io.windbell.config.rest.VersionedReads;
import io.windbell.platform.problem.Problem;
import io.windbell.platform.problem.ProblemException;
import io.windbell.platform.versioning.Versioning;
import io.windbell.workorder.sla.PolicySpec;
import io.windbell.workorder.sla.SlaPolicies;
import io.windbell.workorder.sla.SlaPolicyCatalog;
import io.windbell.workorder.sla.SlaPolicyRules;

/**
 * The SLA policy set: CX admins change it as a whole (a new version, sent with {@code If-Match} of the version it was
 * based on; a stale one is 409 as everywhere in workorder), analysts read it. Open orders keep the version they were
 * timed by; new orders take the new one.
 */
@Path("/v1/sla-policies")
@Tag(name = "sla-policies", description = "SLA policies per type × severity × tier, in business time")
@Produces({ MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE })
@Consumes(MediaType.APPLICATION_JSON)
public class SlaPolicyResource {

    private static final Logger LOG = Logger.getLogger(SlaPolicyResource.class);

    /** The policy set as the API reads and writes it. */
    @Schema(name = "SlaPolicySet")
    public record PolicySetDocument(
            @Schema(readOnly = true, description = "assigned by the server: 1, then +1 for every change") Integer version,
            @Schema(readOnly = true) Instant createdAt, @Schema(readOnly = true) String createdBy,
            @Schema(description = "most specific match wins: type 4 > severity 2 > tier 1; * matches anything") List<PolicySpec> policies) {

        static PolicySetDocument of(Stored<SlaPolicies> stored) {
            return new PolicySetDocument(stored.version(), stored.createdAt(), stored.createdBy(),
                    stored.value().policies().stream().map(SlaPolicyRules::spec).toList());
        }
    }

    private final SlaPolicyCatalog catalog;
    private final VersionedStore<SlaPolicies> store;
    private final VersionedReads<SlaPolicies> reads;
    private final SecurityIdentity identity;

    SlaPolicyResource(SlaPolicyCatalog catalog, VersionedStore<SlaPolicies> store, SecurityIdentity identity) {
        this.catalog = catalog;
        this.store = store;
        this.reads = new VersionedReads<>(store.what(), "/v1/sla-policies", catalog::versions);
        this.identity = identity;
    }

    @GET
    @RolesAllowed({ "cx-admin", "cx-analyst" })
    @Operation(summary = "The SLA policy set in force; its ETag is the version to send in If-Match")
    @APIResponse(responseCode = "200", description = "the active version")
    public Response get() {
        return reads.active(SlaPolicies.KEY, PolicySetDocument::of);
    }

    @PUT
    @RolesAllowed("cx-admin")
    @Operation(summary = "Replace the SLA policy set: stores the next version and makes it the active one")
    @APIResponse(responseCode = "200", description = "the new version; its ETag is the new version number")
    @APIResponse(responseCode = "400", description = "invalid, with one violation per field")
    @APIResponse(responseCode = "409", description = "If-Match is not the active version (changed meanwhile)")
    @APIResponse(responseCode = "428", description = "If-Match is missing")
    public Response put(
            @Parameter(description = "the version the change is based on, as its ETag: \"3\"", required = true) @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @NotNull PolicySetDocument body) {
        int expected = Versioning.expectedVersion(ifMatch);
        SlaPolicyRules.Checked checked = SlaPolicyRules.check(body.policies());
        Versioning.requireValid(checked.violations(), List.of());
        Stored<SlaPolicies> created;
        try {
            created = store.createNextVersion(new SlaPolicies(0, checked.policies()), expected,
                    identity.isAnonymous() ? null : identity.getPrincipal().getName());
        } catch (StaleVersionException e) {
            Problem stale = Problem.of("conflict", "Conflict", 409, e.getMessage());
            throw new ProblemException(e.activeVersion().map(v -> stale.with("activeVersion", v)).orElse(stale));
        } catch (VersionedStore.UnknownException e) {
            throw ProblemException.notFound(store.what(), SlaPolicies.KEY);
        }
        VersionedCommands.reloadQuietly(catalog::reload, store.what());
        LOG.infof("SLA policy set changed to version %d (%d policies)", created.version(),
                created.value().policies().size());
        return VersionedReads.tagged(created, PolicySetDocument::of);
    }
}
