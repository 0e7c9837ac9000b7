package io.windbell.journey.definition.rest;

import java.net.URI;
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
import io.windbell.journey.definition.DefinitionCatalog;
import io.windbell.journey.definition.DefinitionRepository;
import io.windbell.journey.definition.DefinitionRepository.DuplicateCodeException;
import io.windbell.journey.definition.DefinitionRepository.StaleVersionException;
import io.windbell.journey.definition.DefinitionRepository.StoredVersion;
import io.windbell.journey.definition.DefinitionRepository.UnknownCodeException;
import io.windbell.journey.definition.DefinitionValidator;
import io.windbell.journey.definition.JourneyDefinition;
import io.windbell.platform.json.StrictReader;
import io.windbell.platform.paging.Cursor;
import io.windbell.platform.paging.Page;
import io.windbell.platform.problem.Problem;
import io.windbell.platform.problem.ProblemException;
import io.windbell.platform.problem.Violation;
import io.windbell.platform.versioning.Versioning;

/**
 * Journey definitions: CX admins manage them, analysts read them. A change is a new version (sent with
 * {@code If-Match: "<version>"} of the version it was based on); journeys already running keep the version they started
 * on. Reads answer from the in-memory catalog the reconstruction itself uses.
 */
@Path("/v1/definitions")
@Tag(name = "definitions", description = "Journey definitions: steps, key nodes, start and completion, clocks")
@Produces({ MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE })
@Consumes(MediaType.APPLICATION_JSON)
public class DefinitionResource {

    private static final Logger LOG = Logger.getLogger(DefinitionResource.class);

    private final DefinitionCatalog catalog;
    private final DefinitionRepository repository;
    private final SecurityIdentity identity;

    DefinitionResource(DefinitionCatalog catalog, DefinitionRepository repository, SecurityIdentity identity) {
        this.catalog = catalog;
        this.repository = repository;
        this.identity = identity;
    }

    @GET
    @RolesAllowed({ "cx-admin", "cx-analyst" })
    @Operation(summary = "The active version of every definition that is not retired, by code")
    public Page<DefinitionDocument> list(@QueryParam("cursor") String cursor, @QueryParam("limit") Integer limit) {
        int max = Cursor.limit(limit);
        String after = cursor == null ? null : Cursor.decode(cursor, 1).getFirst();
        List<StoredVersion> rows = catalog.activeVersions().stream()
                .filter(v -> after == null || v.code().compareTo(after) > 0).toList();
        return Versioning.page(rows, max, DefinitionDocument::of, StoredVersion::code);
    }

    @GET
    @Path("/{code}")
    @RolesAllowed({ "cx-admin", "cx-analyst" })
    @Operation(summary = "The active version of a definition; its ETag is the version to send in If-Match")
    @APIResponse(responseCode = "200", description = "the active version")
    @APIResponse(responseCode = "404", description = "unknown or retired")
    public Response get(@PathParam("code") String code) {
        StoredVersion active = catalog.activeVersion(code).orElseThrow(() -> notActive(code));
        return Response.ok(DefinitionDocument.of(active)).tag(Versioning.etag(active.version())).build();
    }

    @GET
    @Path("/{code}/versions")
    @RolesAllowed({ "cx-admin", "cx-analyst" })
    @Operation(summary = "Every version of a definition, oldest first, retired ones included")
    public Page<DefinitionDocument> versions(@PathParam("code") String code, @QueryParam("cursor") String cursor,
            @QueryParam("limit") Integer limit) {
        int max = Cursor.limit(limit);
        int after = Versioning.versionCursor(cursor);
        List<StoredVersion> all = catalog.versions(code);
        if (all.isEmpty()) {
            throw ProblemException.notFound("journey definition", code);
        }
        return Versioning.page(all.stream().filter(v -> v.version() > after).toList(), max, DefinitionDocument::of,
                v -> String.valueOf(v.version()));
    }

    @GET
    @Path("/{code}/versions/{version}")
    @RolesAllowed({ "cx-admin", "cx-analyst" })
    @Operation(summary = "One version of a definition, active or not")
    @APIResponse(responseCode = "200", description = "the version")
    @APIResponse(responseCode = "404", description = "no such version")
    public DefinitionDocument version(@PathParam("code") String code, @PathParam("version") int version) {
        return catalog.version(code, version).map(DefinitionDocument::of)
                .orElseThrow(() -> ProblemException.notFound("journey definition", code + " version " + version));
    }

    @POST
    @RolesAllowed("cx-admin")
    @CustomDeserialization(StrictReader.class)
    @Operation(summary = "Create a definition as version 1, active at once (a retired code comes back as its next version)")
    @APIResponse(responseCode = "201", description = "created; Location and ETag name it")
    @APIResponse(responseCode = "400", description = "invalid, with one violation per field")
    @APIResponse(responseCode = "409", description = "a definition with this code is active already")
    public Response create(@NotNull DefinitionDocument body) {
        JourneyDefinition candidate = body.toDefinition(body.code());
        Versioning.requireValid(List.of(), DefinitionValidator.validate(candidate));
        StoredVersion created;
        try {
            created = repository.create(candidate, user());
        } catch (DuplicateCodeException e) {
            throw ProblemException.conflict(e.getMessage());
        }
        reloadCatalog();
        LOG.infof("journey definition %s created as version %d", created.code(), created.version());
        return Response.created(URI.create("/v1/definitions/" + created.code())).entity(DefinitionDocument.of(created))
                .tag(Versioning.etag(created.version())).build();
    }

    @PUT
    @Path("/{code}")
    @RolesAllowed("cx-admin")
    @CustomDeserialization(StrictReader.class)
    @Operation(summary = "Change a definition: stores the next version and makes it the active one; running journeys keep theirs")
    @APIResponse(responseCode = "200", description = "the new version; its ETag is the new version number")
    @APIResponse(responseCode = "400", description = "invalid, with one violation per field")
    @APIResponse(responseCode = "404", description = "unknown code")
    @APIResponse(responseCode = "412", description = "If-Match is not the active version (changed or retired meanwhile)")
    @APIResponse(responseCode = "428", description = "If-Match is missing")
    public Response update(@PathParam("code") String code,
            @Parameter(description = "the version the change is based on, as its ETag: \"3\"", required = true) @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @NotNull DefinitionDocument body) {
        int expected = Versioning.expectedVersion(ifMatch);
        List<Violation> extra = code.equals(body.code()) ? List.of()
                : List.of(new Violation("code", "must equal the code in the path (" + code + ")"));
        JourneyDefinition candidate = body.toDefinition(code);
        Versioning.requireValid(extra, DefinitionValidator.validate(candidate));
        StoredVersion created;
        try {
            created = repository.createNextVersion(candidate, expected, user());
        } catch (UnknownCodeException e) {
            throw ProblemException.notFound("journey definition", code);
        } catch (StaleVersionException e) {
            throw Versioning.preconditionFailed(e.getMessage(), e.activeVersion());
        }
        reloadCatalog();
        LOG.infof("journey definition %s changed to version %d", code, created.version());
        return Response.ok(DefinitionDocument.of(created)).tag(Versioning.etag(created.version())).build();
    }

    @DELETE
    @Path("/{code}")
    @RolesAllowed("cx-admin")
    @Operation(summary = "Retire a definition: no new journeys start on it; running ones continue on their version")
    @APIResponse(responseCode = "204", description = "retired (also when it was retired already)")
    @APIResponse(responseCode = "404", description = "unknown code")
    public Response retire(@PathParam("code") String code) {
        if (!repository.retire(code)) {
            throw ProblemException.notFound("journey definition", code);
        }
        reloadCatalog();
        LOG.infof("journey definition %s retired", code);
        return Response.noContent().build();
    }

    private ProblemException notActive(String code) {
        if (catalog.versions(code).isEmpty()) {
            return ProblemException.notFound("journey definition", code);
        }
        return new ProblemException(Problem.of("not-found", "Not found", 404, "journey definition " + code
                + " is retired; its versions stay readable under /v1/definitions/" + code + "/versions"));
    }

    /**
     * The change is committed whatever happens here: if this replica cannot reload now, the timer catches up, and the
     * client must not be told that its change failed.
     */
    private void reloadCatalog() {
        try {
            catalog.reload();
        } catch (RuntimeException e) {
            LOG.warnf("journey definitions changed but not reloaded yet, the timer will: %s", e.getMessage());
        }
    }

    private String user() {
        return identity.isAnonymous() ? null : identity.getPrincipal().getName();
    }
}
