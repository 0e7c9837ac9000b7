package io.windbell.notification.stream.rest;

import java.time.Instant;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import io.windbell.notification.staff.Me;
import io.windbell.notification.staff.StaffRegistry;
import io.windbell.notification.stream.StreamTickets;
import io.windbell.platform.problem.Problem;

/**
 * Stream tickets: a browser's {@code EventSource} cannot send a bearer token, so the page exchanges its token for a
 * short-lived signed ticket and opens {@code /stream?ticket=…} (ADR 0025).
 */
@Path("/v1/employees/{employeeId}/stream-tickets")
@Tag(name = "inbox")
@Produces({ MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE })
@RolesAllowed({ "frontline", "branch-manager", "regional-manager", "cx-analyst", "cx-admin" })
public class StreamTicketResource {

    private final StreamTickets tickets;
    private final StaffRegistry staff;
    private final SecurityIdentity identity;

    StreamTicketResource(StreamTickets tickets, StaffRegistry staff, SecurityIdentity identity) {
        this.tickets = tickets;
        this.staff = staff;
        this.identity = identity;
    }

    /** A ticket and when it expires. */
    public record TicketView(String ticket, Instant expiresAt) {
    }

    @POST
    @Operation(summary = "A ticket that opens the caller's stream without a bearer token (for EventSource)", description = "Valid for windbell.notification.stream.ticket-lifetime (60 s by default) and reusable until then, so EventSource can reconnect; send it as ?ticket= to GET /v1/employees/{employeeId}/stream.")
    @APIResponse(responseCode = "201", description = "the ticket")
    @APIResponse(responseCode = "403", description = "not a staff role, or a token without employee_id")
    @APIResponse(responseCode = "404", description = "another employee's stream")
    public Uni<Response> issue(
            @Parameter(description = "the employee's id, or me") @PathParam("employeeId") String employeeId) {
        Me me = Me.owner(identity, employeeId);
        Instant now = Instant.now();
        TicketView view = new TicketView(tickets.issue(me.employeeId(), me.branchId(), now), tickets.expiryFrom(now));
        return staff.seen(me).map(seen -> Response.status(Response.Status.CREATED).entity(view).build());
    }
}
