package io.windbell.scoring.index.rest;

import java.util.List;
import java.util.Optional;

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
import io.windbell.config.VersionedStore.Stored;
import io.windbell.config.rest.VersionedCommands;
import io.windbell.config.rest.VersionedReads;
import io.windbell.contracts.Identifiers;
import io.windbell.platform.paging.Page;
import io.windbell.platform.paging.QueryParams;
import io.windbell.platform.problem.Problem;
import io.windbell.platform.problem.ProblemException;
import io.windbell.platform.problem.Violation;
import io.windbell.platform.versioning.Versioning;
import io.windbell.scoring.index.IndexModel;
import io.windbell.scoring.index.IndexModelCatalog;

/**
 * Experience index models: CX admins manage them, analysts read them. At most one model is active; a change is a new
 * version sent with {@code If-Match: "<version>"}. Without an active model the built-in default applies.
 */
@Path(IndexModelResource.PATH)
@Tag(name = "index-models", description = "Weights of the experience index and the pyramid's north star, versioned")
@Produces({ MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE })
@Consumes(MediaType.APPLICATION_JSON)
public class IndexModelResource {

    static final String PATH = "/v1/index-models";

    private final IndexModelCatalog catalog;
    private final VersionedReads<IndexModel> reads;
    private final VersionedCommands<IndexModel> commands;

    IndexModelResource(IndexModelCatalog catalog, VersionedStore<IndexModel> store, SecurityIdentity identity) {
        this.catalog = catalog;
        this.reads = new VersionedReads<>(store.what(), PATH, catalog::versions);
        this.commands = new VersionedCommands<>(store, PATH, catalog::reload, identity);
    }

    @GET
    @RolesAllowed({ "cx-admin", "cx-analyst" })
    @Operation(summary = "The active model (at most one), as a page; empty while the built-in default applies")
    @APIResponse(responseCode = "200", description = "the active model, if any")
    public Page<IndexModelDocument> list(@QueryParam("cursor") String cursor, @QueryParam("limit") String limit) {
        QueryParams params = new QueryParams();
        int max = params.limit(limit);
        params.check();
        return reads.list(m -> true, cursor, max, IndexModelDocument::of);
    }

    @GET
    @Path("/{code}")
    @RolesAllowed({ "cx-admin", "cx-analyst" })
    @Operation(summary = "The active version of a model; its ETag is the version to send in If-Match")
    @APIResponse(responseCode = "200", description = "the active version")
    @APIResponse(responseCode = "404", description = "unknown or retired")
    public Response get(@PathParam("code") String code) {
        return reads.active(code(code), IndexModelDocument::of);
    }

    @GET
    @Path("/{code}/versions")
    @RolesAllowed({ "cx-admin", "cx-analyst" })
    @Operation(summary = "Every version of a model, oldest first, the retiring one included")
    @APIResponse(responseCode = "200", description = "a page of versions")
    @APIResponse(responseCode = "404", description = "unknown code")
    public Page<IndexModelDocument> versions(@PathParam("code") String code, @QueryParam("cursor") String cursor,
            @QueryParam("limit") String limit) {
        QueryParams params = new QueryParams();
        int max = params.limit(limit);
        params.check();
        return reads.versions(code(code), cursor, max, IndexModelDocument::of);
    }

    @POST
    @RolesAllowed("cx-admin")
    @Operation(summary = "Create a model as version 1, in force at once (a retired code comes back as its next version)")
    @APIResponse(responseCode = "201", description = "created; Location and ETag name it")
    @APIResponse(responseCode = "400", description = "invalid, with one violation per field")
    @APIResponse(responseCode = "409", description = "a model is active already: change it, or retire it first")
    public Response create(@NotNull IndexModelDocument body) {
        Versioning.requireValid(List.of(), body.violations(body.code()));
        Optional<Stored<IndexModel>> active = catalog.versions().active().stream().findFirst();
        if (active.isPresent()) {
            // the unique index on the active row refuses a second one anyway (another replica's catalog may be behind)
            throw ProblemException.conflict("index model " + active.get().key()
                    + " is active: change it (PUT with If-Match) or retire it before creating another");
        }
        return commands.create(body.toModel(body.code()), IndexModelDocument::of);
    }

    @PUT
    @Path("/{code}")
    @RolesAllowed("cx-admin")
    @Operation(summary = "Change a model: stores the next version and puts it in force")
    @APIResponse(responseCode = "200", description = "the new version; its ETag is the new version number")
    @APIResponse(responseCode = "400", description = "invalid, with one violation per field")
    @APIResponse(responseCode = "404", description = "unknown code")
    @APIResponse(responseCode = "412", description = "If-Match is not the active version (changed or retired meanwhile)")
    @APIResponse(responseCode = "428", description = "If-Match is missing")
    public Response update(@PathParam("code") String code,
            @Parameter(description = "the version the change is based on, as its ETag: \"3\"", required = true) @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @NotNull IndexModelDocument body) {
        code(code);
        int expected = Versioning.expectedVersion(ifMatch);
        List<Violation> extra = body.code() == null || code.equals(body.code()) ? List.of()
                : List.of(new Violation("code", "must equal the code in the path (" + code + ") or be absent"));
        Versioning.requireValid(extra, body.violations(code));
        return commands.change(body.toModel(code), expected, IndexModelDocument::of);
    }

    @DELETE
    @Path("/{code}")
    @RolesAllowed("cx-admin")
    @Operation(summary = "Retire a model: stores an inactive version; the built-in default applies until another is created")
    @APIResponse(responseCode = "204", description = "retired (also when it was retired already)")
    @APIResponse(responseCode = "404", description = "unknown code")
    public Response retire(@PathParam("code") String code) {
        return commands.retire(code(code));
    }

    private static String code(String code) {
        return QueryParams.pathId("code", code, Identifiers::isSurveyCode, Identifiers.SURVEY_CODE_REGEX);
    }
}
