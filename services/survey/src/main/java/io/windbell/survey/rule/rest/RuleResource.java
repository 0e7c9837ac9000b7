package io.windbell.survey.rule.rest;

import java.net.URI;
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
import org.jboss.logging.Logger;

import io.quarkus.resteasy.reactive.jackson.CustomDeserialization;
import io.quarkus.security.identity.SecurityIdentity;
import io.windbell.platform.json.StrictReader;
import io.windbell.platform.paging.Cursor;
import io.windbell.platform.paging.Page;
import io.windbell.platform.problem.Problem;
import io.windbell.platform.problem.ProblemException;
import io.windbell.platform.problem.Violation;
import io.windbell.platform.versioning.Versioning;
import io.windbell.survey.catalog.SurveyCatalog;
import io.windbell.survey.catalog.VersionedStore.DuplicateException;
import io.windbell.survey.catalog.VersionedStore.StaleVersionException;
import io.windbell.survey.catalog.VersionedStore.Stored;
import io.windbell.survey.catalog.VersionedStore.UnknownException;
import io.windbell.survey.rule.RuleRepository;
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

    private static final Logger LOG = Logger.getLogger(RuleResource.class);
    private static final String WHAT = "survey rule";

    private final SurveyCatalog catalog;
    private final RuleRepository repository;
    private final SecurityIdentity identity;

    RuleResource(SurveyCatalog catalog, RuleRepository repository, SecurityIdentity identity) {
        this.catalog = catalog;
        this.repository = repository;
        this.identity = identity;
    }

    @GET
    @RolesAllowed({ "cx-admin", "cx-analyst" })
    @Operation(summary = "The active version of every rule that is not retired, by code")
    public Page<RuleDocument> list(@QueryParam("trigger") SurveyRule.Trigger trigger,
            @QueryParam("cursor") String cursor, @QueryParam("limit") Integer limit) {
        int max = Cursor.limit(limit);
        String after = Versioning.keyCursor(cursor);
        List<Stored<SurveyRule>> rows = catalog.ruleVersions().active().stream()
                .filter(v -> after == null || v.key().compareTo(after) > 0)
                .filter(v -> trigger == null || v.value().trigger() == trigger).toList();
        return Versioning.page(rows, max, RuleDocument::of, Stored::key);
    }

    @GET
    @Path("/{code}")
    @RolesAllowed({ "cx-admin", "cx-analyst" })
    @Operation(summary = "The active version of a rule; its ETag is the version to send in If-Match")
    @APIResponse(responseCode = "200", description = "the active version")
    @APIResponse(responseCode = "404", description = "unknown or retired")
    public Response get(@PathParam("code") String code) {
        Stored<SurveyRule> active = catalog.ruleVersions().active(code).orElseThrow(() -> notActive(code));
        return Response.ok(RuleDocument.of(active)).tag(Versioning.etag(active.version())).build();
    }

    @GET
    @Path("/{code}/versions")
    @RolesAllowed({ "cx-admin", "cx-analyst" })
    @Operation(summary = "Every version of a rule, oldest first, the retiring one included")
    public Page<RuleDocument> versions(@PathParam("code") String code, @QueryParam("cursor") String cursor,
            @QueryParam("limit") Integer limit) {
        int max = Cursor.limit(limit);
        int after = Versioning.versionCursor(cursor);
        List<Stored<SurveyRule>> all = catalog.ruleVersions().versions(code);
        if (all.isEmpty()) {
            throw ProblemException.notFound(WHAT, code);
        }
        return Versioning.page(all.stream().filter(v -> v.version() > after).toList(), max, RuleDocument::of,
                v -> String.valueOf(v.version()));
    }

    @GET
    @Path("/{code}/versions/{version}")
    @RolesAllowed({ "cx-admin", "cx-analyst" })
    @Operation(summary = "One version of a rule, active or not")
    @APIResponse(responseCode = "200", description = "the version")
    @APIResponse(responseCode = "404", description = "no such version")
    public Response version(@PathParam("code") String code, @PathParam("version") int version) {
        Stored<SurveyRule> stored = catalog.ruleVersions().version(code, version)
                .orElseThrow(() -> ProblemException.notFound(WHAT, code + " version " + version));
        return Response.ok(RuleDocument.of(stored)).tag(Versioning.etag(stored.version())).build();
    }

    @POST
    @RolesAllowed("cx-admin")
    @CustomDeserialization(StrictReader.class)
    @Operation(summary = "Create a rule as version 1, active at once (a retired code comes back as its next version)")
    @APIResponse(responseCode = "201", description = "created; Location and ETag name it")
    @APIResponse(responseCode = "400", description = "invalid, with one violation per field")
    @APIResponse(responseCode = "409", description = "a rule with this code is active already")
    public Response create(@NotNull RuleDocument body) {
        List<Violation> extra = new ArrayList<>();
        SurveyRule candidate = body.toRule(body.code(), extra);
        Versioning.requireValid(extra, RuleValidator.validate(candidate));
        Stored<SurveyRule> created;
        try {
            created = repository.create(candidate, user());
        } catch (DuplicateException e) {
            throw ProblemException.conflict(e.getMessage());
        }
        refreshCatalog();
        LOG.infof("survey rule %s created as version %d", created.key(), created.version());
        return Response.created(URI.create("/v1/rules/" + created.key())).entity(RuleDocument.of(created))
                .tag(Versioning.etag(created.version())).build();
    }

    @PUT
    @Path("/{code}")
    @RolesAllowed("cx-admin")
    @CustomDeserialization(StrictReader.class)
    @Operation(summary = "Change a rule: stores the next version and makes it the active one")
    @APIResponse(responseCode = "200", description = "the new version; its ETag is the new version number")
    @APIResponse(responseCode = "400", description = "invalid, with one violation per field")
    @APIResponse(responseCode = "404", description = "unknown code")
    @APIResponse(responseCode = "412", description = "If-Match is not the active version (changed or retired meanwhile)")
    @APIResponse(responseCode = "428", description = "If-Match is missing")
    public Response update(@PathParam("code") String code,
            @Parameter(description = "the version the change is based on, as its ETag: \"3\"", required = true) @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @NotNull RuleDocument body) {
        int expected = Versioning.expectedVersion(ifMatch);
        List<Violation> extra = new ArrayList<>();
        if (body.code() != null && !code.equals(body.code())) {
            extra.add(new Violation("code", "must equal the code in the path (" + code + ") or be absent"));
        }
        SurveyRule candidate = body.toRule(code, extra);
        Versioning.requireValid(extra, RuleValidator.validate(candidate));
        Stored<SurveyRule> created;
        try {
            created = repository.createNextVersion(candidate, expected, user());
        } catch (UnknownException e) {
            throw ProblemException.notFound(WHAT, code);
        } catch (StaleVersionException e) {
            throw Versioning.preconditionFailed(e.getMessage(), e.activeVersion());
        }
        refreshCatalog();
        LOG.infof("survey rule %s changed to version %d", code, created.version());
        return Response.ok(RuleDocument.of(created)).tag(Versioning.etag(created.version())).build();
    }

    @DELETE
    @Path("/{code}")
    @RolesAllowed("cx-admin")
    @Operation(summary = "Retire a rule: stores an inactive version, so it no longer triggers surveys")
    @APIResponse(responseCode = "204", description = "retired (also when it was retired already)")
    @APIResponse(responseCode = "404", description = "unknown code")
    public Response retire(@PathParam("code") String code) {
        try {
            repository.retire(code, user())
                    .ifPresent(v -> LOG.infof("survey rule %s retired with version %d", code, v.version()));
        } catch (UnknownException e) {
            throw ProblemException.notFound(WHAT, code);
        }
        refreshCatalog();
        return Response.noContent().build();
    }

    private ProblemException notActive(String code) {
        if (catalog.ruleVersions().versions(code).isEmpty()) {
            return ProblemException.notFound(WHAT, code);
        }
        return new ProblemException(Problem.of("not-found", "Not found", 404, "survey rule " + code
                + " is retired; its versions stay readable under /v1/rules/" + code + "/versions"));
    }

    /** The change is committed whatever happens here: if the reload fails now, the timer catches up. */
    private void refreshCatalog() {
        try {
            catalog.refresh();
        } catch (RuntimeException e) {
            LOG.warnf("the survey rules changed but are not reloaded yet, the timer will: %s", e.getMessage());
        }
    }

    private String user() {
        return identity.isAnonymous() ? null : identity.getPrincipal().getName();
    }
}
