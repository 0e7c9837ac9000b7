package io.windbell.ingest.quarantine.rest;

import java.time.Instant;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.smallrye.mutiny.Uni;
import io.windbell.ingest.quarantine.QuarantineService;
import io.windbell.ingest.quarantine.QuarantineView;
import io.windbell.platform.paging.Cursor;
import io.windbell.platform.paging.Page;
import io.windbell.platform.paging.QueryParams;
import io.windbell.platform.problem.Problem;

/** Rejected events with their raw payload and reasons, newest first, for CX admins to inspect. */
@Path("/v1/quarantine")
@Tag(name = "quarantine", description = "Rejected events, kept for inspection")
@RolesAllowed("cx-admin")
@Produces({ MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE })
public class QuarantineResource {

    private final QuarantineService quarantine;

    QuarantineResource(QuarantineService quarantine) {
        this.quarantine = quarantine;
    }

    /**
     * {@code channel} and {@code clientId} are matched as sent, not by their id rules: an event may be quarantined
     * precisely because its channel is malformed, and an admin must be able to find it.
     */
    @GET
    @Operation(summary = "List quarantined events, newest first, by cursor")
    public Uni<Page<QuarantineView>> list(@QueryParam("cursor") String cursor, @QueryParam("limit") Integer limit,
            @QueryParam("channel") String channel, @QueryParam("clientId") String clientId,
            @QueryParam("since") String since) {
        QueryParams params = new QueryParams();
        Instant sinceAt = params.instant("since", since);
        params.check();
        // refuses a forged cursor (e.g. a year 999999999) before the quarantine query would fail on it
        QueryParams.keyset(cursor);
        return quarantine.list(cursor, Cursor.limit(limit), blankToNull(channel), blankToNull(clientId), sinceAt);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
