package io.windbell.journey.query.rest;

import java.time.Instant;

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
import io.windbell.journey.query.Timeline;
import io.windbell.journey.query.TimelineQuery;
import io.windbell.platform.paging.QueryParams;
import io.windbell.platform.paging.QueryParams.Keyset;
import io.windbell.platform.problem.Problem;

/** A customer's events across all channels, newest first, with the journeys they formed. */
@Path("/v1/customers/{customerId}/timeline")
@Tag(name = "timeline", description = "A customer's cross-channel timeline")
@RolesAllowed({ "cx-analyst", "cx-admin" })
@Produces({ MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE })
public class TimelineResource {

    private final TimelineQuery timelines;

    TimelineResource(TimelineQuery timelines) {
        this.timelines = timelines;
    }

    @GET
    @Operation(summary = "A customer's touchpoint events, newest first, by cursor; and the journeys overlapping the window", description = "Includes events still under an anonymous id linked to the customer. "
            + "occurredAt keeps the UTC offset the client reported.")
    @APIResponse(responseCode = "200", description = "One page of the timeline")
    @APIResponse(responseCode = "400", description = "Invalid window, cursor or limit (violations per parameter)")
    public Timeline timeline(@PathParam("customerId") String customerId,
            @Parameter(description = "inclusive ISO-8601 instant (or date, UTC)") @QueryParam("from") String from,
            @Parameter(description = "exclusive ISO-8601 instant (or date, UTC)") @QueryParam("to") String to,
            @Parameter(description = "nextCursor of the previous page") @QueryParam("cursor") String cursor,
            @Parameter(description = "page size, 1..200, default 50") @QueryParam("limit") String limit) {
        QueryParams params = new QueryParams();
        String customer = params.requiredId("customerId", customerId, Identifiers::isCustomerId,
                Identifiers.CUSTOMER_ID_REGEX);
        Instant fromAt = params.instant("from", from);
        Instant toAt = params.instant("to", to);
        int size = params.limit(limit);
        params.window(fromAt, toAt);
        params.check();
        Keyset after = QueryParams.keyset(cursor);
        return timelines.timeline(customer, fromAt, toAt, after, size);
    }
}
