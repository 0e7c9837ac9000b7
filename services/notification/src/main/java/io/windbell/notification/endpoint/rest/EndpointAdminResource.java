package io.windbell.notification.endpoint.rest;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
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
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.smallrye.mutiny.Uni;
import io.windbell.notification.endpoint.EndpointSpec;
import io.windbell.notification.endpoint.EndpointStore;
import io.windbell.notification.endpoint.EndpointView;
import io.windbell.notification.endpoint.EndpointsConfig;
import io.windbell.platform.paging.Page;
import io.windbell.platform.paging.QueryParams;
import io.windbell.platform.problem.Problem;
import io.windbell.platform.problem.Violation;
import io.windbell.platform.versioning.Versioning;

/**
 * The WeCom robots and signed webhooks staff events go to. A change or deletion names the version it was based on in
 * {@code If-Match} (the ETag; 428 without, 409 when stale). The secret is write-only: answers say {@code hasSecret}.
 */
@Path("/v1/admin/endpoints")
@Tag(name = "admin-endpoints", description = "WeCom group robots and signed webhooks (cx-admin)")
@Produces({ MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE })
@RolesAllowed("cx-admin")
@APIResponse(responseCode = "400", description = "invalid body or parameters (violations per field)")
@APIResponse(responseCode = "403", description = "not a cx-admin")
public class EndpointAdminResource {

    private final EndpointStore store;
    private final EndpointsConfig config;

    EndpointAdminResource(EndpointStore store, EndpointsConfig config) {
        this.store = store;
        this.config = config;
    }

    @GET
    @Operation(summary = "The endpoints, newest first, by cursor")
    @APIResponse(responseCode = "200", description = "one page of endpoints")
    public Uni<Page<EndpointView>> list(
            @Parameter(description = "page size, 1..200, default 50") @QueryParam("limit") String limit,
            @Parameter(description = "nextCursor of the previous page") @QueryParam("cursor") String cursor) {
        QueryParams params = new QueryParams();
        int size = params.limit(limit);
        params.check();
        return store.list(QueryParams.keyset(cursor), size);
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One endpoint; its ETag is the version to send in If-Match")
    @APIResponse(responseCode = "200", description = "the endpoint")
    @APIResponse(responseCode = "404", description = "no such endpoint")
    public Uni<Response> get(
            @Parameter(description = "the endpoint's id", schema = @Schema(type = SchemaType.STRING, format = "uuid")) @PathParam("id") String id) {
        return store.get(id(id)).map(view -> tagged(Response.ok(view), view));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Add a robot or webhook: https only (but for the configured insecure hosts); a WEBHOOK needs "
            + "a secret of at least 32 characters")
    @APIResponse(responseCode = "201", description = "created; Location and ETag name it")
    public Uni<Response> create(EndpointSpec body) {
        EndpointSpec spec = required(body);
        Versioning.requireValid(List.of(), spec.violations(config.insecureHosts(), false));
        return store.create(spec, Instant.now()).map(
                view -> tagged(Response.created(URI.create("/v1/admin/endpoints/" + view.id())).entity(view), view));
    }

    @PUT
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Replace an endpoint; a missing secret keeps the stored one")
    @APIResponse(responseCode = "200", description = "the endpoint as changed, with its new ETag")
    @APIResponse(responseCode = "404", description = "no such endpoint")
    @APIResponse(responseCode = "409", description = "If-Match is not the current version (changed meanwhile)")
    @APIResponse(responseCode = "428", description = "If-Match is missing")
    public Uni<Response> update(
            @Parameter(description = "the endpoint's id", schema = @Schema(type = SchemaType.STRING, format = "uuid")) @PathParam("id") String id,
            @Parameter(description = "the version the change is based on, as its ETag: \"3\"", required = true) @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            EndpointSpec body) {
        UUID uuid = id(id);
        long expected = Versioning.expectedVersion(ifMatch);
        EndpointSpec spec = required(body);
        return store.get(uuid).chain(current -> {
            boolean keepsSecret = current.hasSecret() && current.kind().equals(spec.kind());
            Versioning.requireValid(List.of(), spec.violations(config.insecureHosts(), keepsSecret));
            return store.update(uuid, expected, spec, Instant.now());
        }).map(view -> tagged(Response.ok(view), view));
    }

    @DELETE
    @Path("/{id}")
    @Operation(summary = "Remove an endpoint; its queued deliveries are skipped")
    @APIResponse(responseCode = "204", description = "removed")
    @APIResponse(responseCode = "404", description = "no such endpoint")
    @APIResponse(responseCode = "409", description = "If-Match is not the current version (changed meanwhile)")
    @APIResponse(responseCode = "428", description = "If-Match is missing")
    public Uni<Response> delete(
            @Parameter(description = "the endpoint's id", schema = @Schema(type = SchemaType.STRING, format = "uuid")) @PathParam("id") String id,
            @Parameter(description = "the version the deletion is based on, as its ETag: \"3\"", required = true) @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        UUID uuid = id(id);
        long expected = Versioning.expectedVersion(ifMatch);
        return store.delete(uuid, expected).replaceWith(Response.noContent().build());
    }

    private static EndpointSpec required(EndpointSpec body) {
        if (body == null) {
            throw Versioning.invalid(List.of(new Violation("$", "a JSON body is required")));
        }
        return body;
    }

    private static Response tagged(Response.ResponseBuilder response, EndpointView view) {
        return response.tag(new EntityTag(Long.toString(view.version()))).build();
    }

    private static UUID id(String id) {
        QueryParams params = new QueryParams();
        UUID uuid = params.uuid("id", id);
        params.check();
        return uuid;
    }
}
