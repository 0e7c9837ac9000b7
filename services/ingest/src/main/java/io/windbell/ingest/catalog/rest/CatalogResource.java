package io.windbell.ingest.catalog.rest;

import java.net.URI;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.smallrye.mutiny.Uni;
import io.windbell.contracts.Identifiers;
import io.windbell.ingest.catalog.CatalogService;
import io.windbell.ingest.catalog.Channel;
import io.windbell.ingest.catalog.Journey;
import io.windbell.ingest.catalog.TouchpointRequest;
import io.windbell.ingest.catalog.TouchpointView;
import io.windbell.platform.paging.Cursor;
import io.windbell.platform.paging.Page;
import io.windbell.platform.paging.QueryParams;
import io.windbell.platform.problem.Problem;

/**
 * The touchpoint catalog: CX admins manage it; channel apps and analysts may read it (apps need the codes they are
 * allowed to report).
 */
@Path("/v1/catalog")
@Tag(name = "catalog", description = "Touchpoints, journeys and channels events are checked against")
@Produces({ MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE })
public class CatalogResource {

    private final CatalogService catalog;

    CatalogResource(CatalogService catalog) {
        this.catalog = catalog;
    }

    @GET
    @Path("/touchpoints")
    @RolesAllowed({ "cx-admin", "cx-analyst", "channel-app" })
    @Operation(summary = "List touchpoints, by code, optionally of one journey or channel")
    public Uni<Page<TouchpointView>> list(@QueryParam("journey") String journey, @QueryParam("channel") String channel,
            @QueryParam("cursor") String cursor, @QueryParam("limit") Integer limit) {
        QueryParams params = new QueryParams();
        String journeyCode = params.id("journey", journey, Identifiers::isJourneyCode, Identifiers.JOURNEY_CODE_REGEX);
        String channelCode = params.id("channel", channel, Identifiers::isChannelCode, Identifiers.CHANNEL_CODE_REGEX);
        params.check();
        return catalog.list(journeyCode, channelCode, cursor, Cursor.limit(limit));
    }

    @GET
    @Path("/touchpoints/{code}")
    @RolesAllowed({ "cx-admin", "cx-analyst", "channel-app" })
    @Operation(summary = "One touchpoint")
    public Uni<TouchpointView> get(@PathParam("code") String code) {
        return catalog.get(touchpoint(code));
    }

    @POST
    @Path("/touchpoints")
    @RolesAllowed("cx-admin")
    @Operation(summary = "Add a touchpoint")
    public Uni<Response> create(@Valid @NotNull TouchpointRequest request) {
        return catalog.create(request).map(
                view -> Response.created(URI.create("/v1/catalog/touchpoints/" + view.code())).entity(view).build());
    }

    @PUT
    @Path("/touchpoints/{code}")
    @RolesAllowed("cx-admin")
    @Operation(summary = "Change a touchpoint; send If-Match with the version you read to avoid lost updates")
    public Uni<TouchpointView> update(@PathParam("code") String code, @HeaderParam("If-Match") String ifMatch,
            @Valid @NotNull TouchpointRequest request) {
        return catalog.update(touchpoint(code), request, version(ifMatch));
    }

    @DELETE
    @Path("/touchpoints/{code}")
    @RolesAllowed("cx-admin")
    @Operation(summary = "Retire a touchpoint: events reporting it are rejected from now on")
    public Uni<TouchpointView> retire(@PathParam("code") String code) {
        return catalog.retire(touchpoint(code));
    }

    @GET
    @Path("/channels")
    @RolesAllowed({ "cx-admin", "cx-analyst", "channel-app" })
    @Operation(summary = "Every channel")
    public Uni<List<Channel>> channels() {
        return catalog.channels();
    }

    @GET
    @Path("/journeys")
    @RolesAllowed({ "cx-admin", "cx-analyst", "channel-app" })
    @Operation(summary = "Every journey the catalog groups touchpoints into")
    public Uni<List<Journey>> journeys() {
        return catalog.journeys();
    }

    private static String touchpoint(String code) {
        return QueryParams.pathId("code", code, Identifiers::isTouchpointCode, Identifiers.TOUCHPOINT_CODE_REGEX);
    }

    private static Integer version(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(ifMatch.replace("\"", "").replace("W/", "").trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
