package io.windbell.ingest.quarantine.rest;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;

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
import io.windbell.platform.problem.Problem;
import io.windbell.platform.problem.ProblemException;
import io.windbell.platform.problem.Violation;

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

    @GET
    @Operation(summary = "List quarantined events, newest first, by cursor")
    public Uni<Page<QuarantineView>> list(@QueryParam("cursor") String cursor, @QueryParam("limit") Integer limit,
            @QueryParam("channel") String channel, @QueryParam("clientId") String clientId,
            @QueryParam("since") String since) {
        return quarantine.list(cursor, Cursor.limit(limit), channel, clientId, instant(since));
    }

    private static Instant instant(String value) {
        if (value == null) {
            return null;
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw new ProblemException(Problem.of("invalid-request", "Invalid request", 400, "since is invalid")
                    .withViolations(List.of(new Violation("since", "must be an ISO-8601 instant"))));
        }
    }
}
