package io.windbell.survey.rule.rest;

import java.util.ArrayList;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
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

import io.quarkus.security.identity.SecurityIdentity;
import io.windbell.config.VersionedStore;
import io.windbell.config.rest.VersionedCommands;
import io.windbell.config.rest.VersionedReads;
import io.windbell.contracts.Identifiers;
import io.windbell.platform.paging.Page;
import io.windbell.platform.paging.QueryParams;
import io.windbell.platform.problem.Problem;
import io.windbell.platform.problem.Violation;
import io.windbell.platform.versioning.Versioning;
import io.windbell.survey.catalog.SurveyCatalog;
import io.windbell.survey.rule.RuleValidator;
import io.windbell.survey.rule.SurveyRule;

/**
 * Survey rules: CX admins manage them, analysts read them. A change is a new version (sent with
 * {@code If-Match: "<version>"}); invitations keep the rule version that created them. Reads answer from the in-memory
 * catalog the trigger path uses.
 */
@Path("/v1/rules")
@Tag(name = "rules", description = "Survey rules: trigger, sampling, delay, expiry, anchor metric, priority")
@Produces({ MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE })
@Consumes(MediaType.APPLICATION_JSON)
public class RuleResource {

    private static final String PATH = "/v1/rules";

    private final VersionedReads<SurveyRule> reads;
    private final VersionedCommands<SurveyRule> commands;

    RuleResource(SurveyCatalog catalog, VersionedStore<SurveyRule> store, SecurityIdentity identity) {
        this.reads = new VersionedReads<>(store.what(), PATH, catalog::ruleVersions);
        this.commands = new VersionedCommands<>(store, PATH, catalog::refresh, identity);
    }

    @GET
    @RolesAllowed({ "cx-admin", "cx-analyst" })
    @Operation(summary = "The active version of every rule that is not retired, by code")
    public Page<RuleDocument> list(@QueryParam("trigger") SurveyRule.Trigger trigger,
            @QueryParam("cursor") String cursor, @QueryParam("limit") Integer limit) {
        return reads.list(r -> trigger == null || r.trigger() == trigger, cursor, limit, RuleDocument::of);
    }

    @GET
    @Path("/{code}")
    @RolesAllowed({ "cx-admin", "cx-analyst" })
    @Operation(summary = "The active version of a rule; its ETag is the version to send in If-Match")
    @APIResponse(responseCode = "200", description = "the active version")
    @APIResponse(responseCode = "404", description = "unknown or retired")
    public Response get(@PathParam("code") String code) {
        return reads.active(code(code), RuleDocument::of);
    }

    @GET
    @Path("/{code}/versions")
    @RolesAllowed({ "cx-admin", "cx-analyst" })
    @Operation(summary = "Every version of a rule, oldest first, the retiring one included")
    public Page<RuleDocument> versions(@PathParam("code") String code, @QueryParam("cursor") String cursor,
            @QueryParam("limit") Integer limit) {
        return reads.versions(code(code), cursor, limit, RuleDocument::of);
    }

    @GET
    @Path("/{code}/versions/{version}")
    @RolesAllowed({ "cx-admin", "cx-analyst" })
    @Operation(summary = "One version of a rule, active or not")
    @APIResponse(responseCode = "200", description = "the version")
    @APIResponse(responseCode = "404", description = "no such version")
    public Response version(@PathParam("code") String code, @PathParam("version") int version) {
        return VersionedReads.tagged(reads.version(code(code), version), RuleDocument::of);
    }

    @POST
    @RolesAllowed("cx-admin")
    @Operation(summary = "Create a rule as version 1, active at once (a retired code comes back as its next version)")
    @APIResponse(responseCode = "201", description = "created; Location and ETag name it")
    @APIResponse(responseCode = "400", description = "invalid, with one violation per field")
    @APIResponse(responseCode = "409", description = "a rule with this code is active already")
    public Response create(@NotNull RuleDocument body) {
        List<Violation> extra = new ArrayList<>();
        SurveyRule candidate = body.toRule(body.code(), extra);
        Versioning.requireValid(extra, RuleValidator.validate(candidate));
        return commands.create(candidate, RuleDocument::of);
    }

    @PUT
    @Path("/{code}")
    @RolesAllowed("cx-admin")
    @Operation(summary = "Change a rule: stores the next version and makes it the active one")
    @APIResponse(responseCode = "200", description = "the new version; its ETag is the new version number")
    @APIResponse(responseCode = "400", description = "invalid, with one violation per field")
    @APIResponse(responseCode = "404", description = "unknown code")
    @APIResponse(responseCode = "412", description = "If-Match is not the active version (changed or retired meanwhile)")
    @APIResponse(responseCode = "428", description = "If-Match is missing")
    public Response update(@PathParam("code") String code,
            @Parameter(description = "the version the change is based on, as its ETag: \"3\"", required = true) @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @NotNull RuleDocument body) {
        code(code);
        int expected = Versioning.expectedVersion(ifMatch);
        List<Violation> extra = new ArrayList<>();
        if (body.code() != null && !code.equals(body.code())) {
            extra.add(new Violation("code", "must equal the code in the path (" + code + ") or be absent"));
        }
        SurveyRule candidate = body.toRule(code, extra);
        Versioning.requireValid(extra, RuleValidator.validate(candidate));
        return commands.change(candidate, expected, RuleDocument::of);
    }

    @DELETE
    @Path("/{code}")
    @RolesAllowed("cx-admin")
    @Operation(summary = "Retire a rule: stores an inactive version, so it no longer triggers surveys")
    @APIResponse(responseCode = "204", description = "retired (also when it was retired already)")
    @APIResponse(responseCode = "404", description = "unknown code")
    public Response retire(@PathParam("code") String code) {
        return commands.retire(code(code));
    }

    private static String code(String code) {
        return QueryParams.pathId("code", code, Identifiers::isSurveyCode, Identifiers.SURVEY_CODE_REGEX);
    }
}
