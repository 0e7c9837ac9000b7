package io.windbell.journey.definition.rest;

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
import io.windbell.journey.definition.DefinitionCatalog;
import io.windbell.journey.definition.DefinitionValidator;
import io.windbell.journey.definition.JourneyDefinition;
import io.windbell.platform.paging.Page;
import io.windbell.platform.paging.QueryParams;
import io.windbell.platform.problem.Problem;
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

    private static final String PATH = "/v1/definitions";

    private final VersionedReads<JourneyDefinition> reads;
    private final VersionedCommands<JourneyDefinition> commands;

    DefinitionResource(DefinitionCatalog catalog, VersionedStore<JourneyDefinition> store, SecurityIdentity identity) {
        this.reads = new VersionedReads<>(store.what(), PATH, catalog::versions);
        this.commands = new VersionedCommands<>(store, PATH, catalog::reload, identity);
    }

    @GET
    @RolesAllowed({ "cx-admin", "cx-analyst" })
    @Operation(summary = "The active version of every definition that is not retired, by code")
    public Page<DefinitionDocument> list(@QueryParam("cursor") String cursor, @QueryParam("limit") Integer limit) {
        return reads.list(d -> true, cursor, limit, DefinitionDocument::of);
    }

    @GET
    @Path("/{code}")
    @RolesAllowed({ "cx-admin", "cx-analyst" })
    @Operation(summary = "The active version of a definition; its ETag is the version to send in If-Match")
    @APIResponse(responseCode = "200", description = "the active version")
    @APIResponse(responseCode = "404", description = "unknown or retired")
    public Response get(@PathParam("code") String code) {
        return reads.active(code(code), DefinitionDocument::of);
    }

    @GET
    @Path("/{code}/versions")
    @RolesAllowed({ "cx-admin", "cx-analyst" })
    @Operation(summary = "Every version of a definition, oldest first, the retiring one included")
    public Page<DefinitionDocument> versions(@PathParam("code") String code, @QueryParam("cursor") String cursor,
            @QueryParam("limit") Integer limit) {
        return reads.versions(code(code), cursor, limit, DefinitionDocument::of);
    }

    @GET
    @Path("/{code}/versions/{version}")
    @RolesAllowed({ "cx-admin", "cx-analyst" })
    @Operation(summary = "One version of a definition, active or not; its ETag is its version")
    @APIResponse(responseCode = "200", description = "the version")
    @APIResponse(responseCode = "404", description = "no such version")
    public Response version(@PathParam("code") String code, @PathParam("version") int version) {
        return VersionedReads.tagged(reads.version(code(code), version), DefinitionDocument::of);
    }

    @POST
    @RolesAllowed("cx-admin")
    @Operation(summary = "Create a definition as version 1, active at once (a retired code comes back as its next version)")
    @APIResponse(responseCode = "201", description = "created; Location and ETag name it")
    @APIResponse(responseCode = "400", description = "invalid, with one violation per field")
    @APIResponse(responseCode = "409", description = "a definition with this code is active already")
    public Response create(@NotNull DefinitionDocument body) {
        JourneyDefinition candidate = body.toDefinition(body.code());
        Versioning.requireValid(List.of(), DefinitionValidator.validate(candidate));
        return commands.create(candidate, DefinitionDocument::of);
    }

    @PUT
    @Path("/{code}")
    @RolesAllowed("cx-admin")
    @Operation(summary = "Change a definition: stores the next version and makes it the active one; running journeys keep theirs")
    @APIResponse(responseCode = "200", description = "the new version; its ETag is the new version number")
    @APIResponse(responseCode = "400", description = "invalid, with one violation per field")
    @APIResponse(responseCode = "404", description = "unknown code")
    @APIResponse(responseCode = "412", description = "If-Match is not the active version (changed or retired meanwhile)")
    @APIResponse(responseCode = "428", description = "If-Match is missing")
    public Response update(@PathParam("code") String code,
            @Parameter(description = "the version the change is based on, as its ETag: \"3\"", required = true) @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @NotNull DefinitionDocument body) {
        code(code);
        int expected = Versioning.expectedVersion(ifMatch);
        List<Violation> extra = body.code() == null || code.equals(body.code()) ? List.of()
                : List.of(new Violation("code", "must equal the code in the path (" + code + ") or be absent"));
        JourneyDefinition candidate = body.toDefinition(code);
        Versioning.requireValid(extra, DefinitionValidator.validate(candidate));
        return commands.change(candidate, expected, DefinitionDocument::of);
    }

    @DELETE
    @Path("/{code}")
    @RolesAllowed("cx-admin")
    @Operation(summary = "Retire a definition: stores an inactive version, so no new journeys start on it; running ones continue on theirs")
    @APIResponse(responseCode = "204", description = "retired (also when it was retired already)")
    @APIResponse(responseCode = "404", description = "unknown code")
    public Response retire(@PathParam("code") String code) {
        return commands.retire(code(code));
    }

    private static String code(String code) {
        return QueryParams.pathId("code", code, Identifiers::isJourneyCode, Identifiers.JOURNEY_CODE_REGEX);
    }
}
