package io.windbell.notification.stream.rest;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.quarkus.security.ForbiddenException;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Multi;
import io.vertx.core.http.HttpServerResponse;
import io.windbell.notification.staff.Me;
import io.windbell.notification.staff.StaffRegistry;
import io.windbell.notification.stream.StreamFeed;
import io.windbell.notification.stream.StreamRegistry;
import io.windbell.notification.stream.StreamTickets;
import io.windbell.platform.problem.Problem;
import io.windbell.platform.problem.ProblemException;
import io.windbell.platform.problem.Violation;

/**
 * The push stream of one employee (Server-Sent Events): {@code ready}, the items after the client's cursor, then every
 * item as it commits on any replica (ADR 0025).
 * <p>
 * Opened with a bearer token (apps, {@code curl -N}) or with a stream ticket (a browser's {@code EventSource} cannot
 * send headers). That is why this one operation is {@code @PermitAll} and decides itself, before the first byte of the
 * stream: a token without a staff role is 403, neither a token nor a valid ticket is 401, another employee is 404.
 * {@code @Blocking}: the identity, the staff registry and the cursor are resolved on a worker thread before the answer
 * is committed to 200 (a failure after that could not be a problem+json answer any more).
 */
@Path("/v1/employees/{employeeId}/stream")
@Tag(name = "inbox")
public class StreamResource {

    private final StreamRegistry registry;
    private final StreamFeed feed;
    private final StreamTickets tickets;
    private final StaffRegistry staff;
    private final SecurityIdentity identity;

    StreamResource(StreamRegistry registry, StreamFeed feed, StreamTickets tickets, StaffRegistry staff,
            SecurityIdentity identity) {
        this.registry = registry;
        this.feed = feed;
        this.tickets = tickets;
        this.staff = staff;
        this.identity = identity;
    }

    @GET
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @PermitAll
    @Blocking
    @Operation(summary = "The employee's push stream (text/event-stream)", description = "First `event: ready` with "
            + "data {\"employeeId\",\"lastSeq\"}; then each item with seq above the cursor (Last-Event-ID, else ?after=, "
            + "else the current last seq) as `id: <seq>`, `event: inbox-item`, data: the inbox item; then live items. "
            + "A `: heartbeat` comment every windbell.notification.stream.heartbeat.")
    @APIResponse(responseCode = "200", description = "the stream")
    @APIResponse(responseCode = "400", description = "Last-Event-ID or after is not a seq")
    @APIResponse(responseCode = "401", description = "neither a valid bearer token nor a valid, unexpired ticket")
    @APIResponse(responseCode = "403", description = "not a staff role, or a token without employee_id")
    @APIResponse(responseCode = "404", description = "another employee's stream")
    public Multi<OutboundSseEvent> stream(
            @Parameter(description = "the employee's id, or me") @PathParam("employeeId") String employeeId,
            @Parameter(description = "a stream ticket, instead of a bearer token") @QueryParam("ticket") String ticket,
            @Parameter(description = "resume after this seq (Last-Event-ID wins)") @QueryParam("after") String after,
            @Parameter(description = "resume after this seq (sent by EventSource when it reconnects)") @HeaderParam("Last-Event-ID") String lastEventId,
            @Context Sse sse, @Context HttpServerResponse response) {
        String employee = caller(employeeId, ticket);
        Long cursor = lastEventId != null ? seq("Last-Event-ID", lastEventId) : seq("after", after);
        long lastSeq = feed.lastSeq(employee).await().indefinitely();
        return registry.open(employee, cursor == null ? lastSeq : cursor, lastSeq, sse, response);
    }

    /** The employee whose stream the caller may open. */
    private String caller(String employeeIdInPath, String ticket) {
        if (!identity.isAnonymous()) {
            if (identity.getRoles().stream().noneMatch(Me.STAFF_ROLES::contains)) {
                throw new ForbiddenException();
            }
            Me me = Me.owner(identity, employeeIdInPath);
            try {
                VertxContextSupport.subscribeAndAwait(() -> staff.seen(me));
            } catch (Throwable e) {
                throw new IllegalStateException("could not record the caller", e);
            }
            return me.employeeId();
        }
        // no staff-registry update here: the ticket was issued to an authenticated call, which recorded the caller
        StreamTickets.Verification verification = tickets.verify(ticket, Instant.now());
        if (!verification.valid()) {
            throw new ProblemException(
                    Problem.of("unauthenticated", "Unauthorized", 401,
                            "a valid bearer token or an unexpired stream ticket is required for this resource"),
                    Map.of(HttpHeaders.WWW_AUTHENTICATE, "Bearer"));
        }
        String employee = verification.ticket().employeeId();
        if (!Me.SELF.equals(employeeIdInPath) && !employee.equals(employeeIdInPath)) {
            throw ProblemException.notFound("employee", employeeIdInPath);
        }
        return employee;
    }

    private static Long seq(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            long seq = Long.parseLong(value.trim());
            if (seq >= 0) {
                return seq;
            }
        } catch (NumberFormatException e) {
            // the same answer as a negative number
        }
        throw new ProblemException(Problem.of("invalid-request", "Invalid request", 400, field + " is invalid")
                .withViolations(List.of(new Violation(field, "must be a seq (a whole number of at least 0)"))));
    }
}
