package io.windbell.journey.query.rest;

import java.time.Instant;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.windbell.contracts.Identifiers;
import io.windbell.contracts.journey.JourneyStatus;
import io.windbell.journey.query.JourneyDetail;
import io.windbell.journey.query.JourneyQuery;
import io.windbell.journey.query.JourneyView;
import io.windbell.platform.paging.Page;
import io.windbell.platform.paging.QueryParams;
import io.windbell.platform.paging.QueryParams.Keyset;
import io.windbell.platform.problem.Problem;

/** Journey instances: a filtered list, and one with its visits and interruptions. */
@Path("/v1/journeys")
@Tag(name = "journeys", description = "Reconstructed journey instances")
@RolesAllowed({ "cx-analyst", "cx-admin" })
@Produces({ MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE })
public class JourneyResource {

    private final JourneyQuery journeys;

    JourneyResource(JourneyQuery journeys) {
        this.journeys = journeys;
    }

    @GET
    @Operation(summary = "List journey instances, newest start first, by cursor", description = "Instances merged into another one by identity stitching are left out.")
    @APIResponse(responseCode = "200", description = "One page of instances")
    @APIResponse(responseCode = "400", description = "Invalid filter, cursor or limit (violations per parameter)")
    public Page<JourneyView> list(@QueryParam("customerId") String customerId,
            @Parameter(description = "journey definition code") @QueryParam("definition") String definition,
            @Parameter(description = "IN_PROGRESS, INTERRUPTED or COMPLETED") @QueryParam("status") String status,
            @Parameter(description = "started at or after (ISO-8601)") @QueryParam("from") String from,
            @Parameter(description = "started before (ISO-8601)") @QueryParam("to") String to,
            @Parameter(description = "nextCursor of the previous page") @QueryParam("cursor") String cursor,
            @Parameter(description = "page size, 1..200, default 50") @QueryParam("limit") String limit) {
        QueryParams params = new QueryParams();
        String customer = params.id("customerId", customerId, Identifiers::isCustomerId, Identifiers.CUSTOMER_ID_REGEX);
        String code = params.id("definition", definition, Identifiers::isJourneyCode, Identifiers.JOURNEY_CODE_REGEX);
        JourneyStatus state = params.oneOf("status", status, JourneyStatus.class);
        Instant fromAt = params.instant("from", from);
        Instant toAt = params.instant("to", to);
        int size = params.limit(limit);
        params.window(fromAt, toAt);
        params.check();
        Keyset after = QueryParams.keyset(cursor);
        return journeys.list(new JourneyQuery.Filter(customer, code, state, fromAt, toAt), after, size);
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One journey instance with its visits in time order and its interruptions")
    @APIResponse(responseCode = "200", description = "The instance")
    @APIResponse(responseCode = "404", description = "Unknown, or merged into another instance (named in the problem's mergedInto)")
    public JourneyDetail get(@PathParam("id") String id) {
        QueryParams params = new QueryParams();
        UUID uuid = params.uuid("id", id);
        params.check();
        return journeys.find(uuid);
    }
}
