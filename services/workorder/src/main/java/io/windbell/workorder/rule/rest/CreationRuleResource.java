package io.windbell.workorder.rule.rest;

import java.util.List;
import java.util.Optional;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.logging.Logger;

import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.common.annotation.Blocking;
import io.windbell.config.VersionedStore;
import io.windbell.config.VersionedStore.Stored;
import io.windbell.config.rest.VersionedCommands;
import io.windbell.config.rest.VersionedReads;
import io.windbell.platform.paging.Page;
import io.windbell.platform.problem.Problem;
import io.windbell.platform.problem.ProblemException;
import io.windbell.platform.versioning.Versioning;
import io.windbell.workorder.rule.CreationRuleSet;
import io.windbell.workorder.rule.CreationRules;
import io.windbell.workorder.rule.RuleSetValidator;

/**
 * The creation rules: which alerts and interrupted journeys open which work orders. CX admins change them (a change is
 * a new version, sent with {@code If-Match: "<version>"}; a stale one is 409 like every command of workorder), analysts
 * read them. Reads answer from the in-memory rules the consumers use. Configuration is JDBC through
 * {@code libs/config}, on worker threads.
 */
@Path(CreationRuleResource.PATH)
@Tag(name = "creation-rules", description = "Which alerts and interrupted journeys open which work orders")
@Produces({ MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE })
@Consumes(MediaType.APPLICATION_JSON)
@Blocking
public class CreationRuleResource {

    static final String PATH = "/v1/creation-rules";

    private static final Logger LOG = Logger.getLogger(CreationRuleResource.class);

    private final CreationRules rules;
    private final VersionedReads<CreationRuleSet> reads;
    private final SecurityIdentity identity;

    CreationRuleResource(CreationRules rules, SecurityIdentity identity) {
        this.rules = rules;
        this.identity = identity;
        this.reads = new VersionedReads<>(rules.store().what(), PATH, rules::versions);
    }

    @GET
    @RolesAllowed({ "cx-admin", "cx-analyst" })
    @Operation(summary = "The rule set in force: ordered rules, the first match wins; its ETag is the version to send in If-Match")
    @APIResponse(responseCode = "200", description = "the active version")
    @APIResponse(responseCode = "404", description = "no rule set is active (no signal opens a work order)")
    public Response get() {
        return reads.active(CreationRuleSet.KEY, RuleSetDocument::of);
    }

    @PUT
    @RolesAllowed("cx-admin")
    @Operation(summary = "Replace the rule set: stores the next version and makes it the one in force on every replica within the refresh interval")
    @APIResponse(responseCode = "200", description = "the new version; its ETag is the new version number")
    @APIResponse(responseCode = "400", description = "invalid, with one violation per field")
    @APIResponse(responseCode = "409", description = "If-Match is not the active version (changed meanwhile)")
    @APIResponse(responseCode = "428", description = "If-Match is missing")
    public Response replace(
            @Parameter(description = "the version the change is based on, as its ETag: \"3\"", required = true) @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @NotNull RuleSetDocument body) {
        int expected = expectedVersion(ifMatch);
        CreationRuleSet candidate = body.toRuleSet();
        Versioning.requireValid(List.of(), RuleSetValidator.validate(candidate));
        Stored<CreationRuleSet> created;
        try {
            created = rules.store().createNextVersion(candidate, expected, author());
        } catch (VersionedStore.UnknownException e) {
            created = rules.store().create(candidate, author());
        } catch (VersionedStore.StaleVersionException e) {
            throw stale(e.getMessage(), e.activeVersion());
        }
        VersionedCommands.reloadQuietly(rules::reload, rules.store().what());
        LOG.infof("creation rules changed to version %d (%d rules)", created.version(), candidate.rules().size());
        return VersionedReads.tagged(created, RuleSetDocument::of);
    }

    @GET
    @Path("/versions")
    @RolesAllowed({ "cx-admin", "cx-analyst" })
    @Operation(summary = "Every version of the rule set, oldest first")
    @APIResponse(responseCode = "200", description = "a page of versions")
    @APIResponse(responseCode = "404", description = "no version stored")
    public Page<RuleSetDocument> versions(@QueryParam("cursor") String cursor, @QueryParam("limit") Integer limit) {
        return reads.versions(CreationRuleSet.KEY, cursor, limit, RuleSetDocument::of);
    }

    @GET
    @Path("/versions/{version}")
    @RolesAllowed({ "cx-admin", "cx-analyst" })
    @Operation(summary = "One version of the rule set, active or not; its ETag is its version")
    @APIResponse(responseCode = "200", description = "the version")
    @APIResponse(responseCode = "404", description = "no such version")
    public Response version(@PathParam("version") int version) {
        return VersionedReads.tagged(reads.version(CreationRuleSet.KEY, version), RuleSetDocument::of);
    }

    /** The version If-Match names; a weak tag never matches a version, which workorder answers as stale (409). */
    private static int expectedVersion(String ifMatch) {
        if (ifMatch != null && ifMatch.trim().startsWith("W/")) {
            throw stale("a weak ETag never matches: send the version's ETag as read, e.g. \"3\"", Optional.empty());
        }
        return Versioning.expectedVersion(ifMatch);
    }

    private static ProblemException stale(String detail, Optional<Integer> activeVersion) {
        Problem problem = Problem.of("stale-version", "Conflict", 409, detail);
        return new ProblemException(activeVersion.map(v -> problem.with("activeVersion", v)).orElse(problem));
    }

    private String author() {
        return identity.isAnonymous() ? null : identity.getPrincipal().getName();
    }
}
