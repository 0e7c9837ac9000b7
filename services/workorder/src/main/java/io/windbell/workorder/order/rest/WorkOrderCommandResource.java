package io.windbell.workorder.order.rest;

import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import io.windbell.contracts.workorder.WorkOrderClosed;
import io.windbell.contracts.workorder.WorkOrderOrigin;
import io.windbell.contracts.workorder.WorkOrderReopened;
import io.windbell.platform.paging.QueryParams;
import io.windbell.platform.problem.Problem;
import io.windbell.platform.problem.Violation;
import io.windbell.platform.versioning.Versioning;
import io.windbell.workorder.access.WorkOrderAccess;
import io.windbell.workorder.order.ManualOrder;
import io.windbell.workorder.order.OrderCommands;
import io.windbell.workorder.order.Resolution;
import io.windbell.workorder.order.Target;
import io.windbell.workorder.order.WorkOrder;
import io.windbell.workorder.query.WorkOrderView;
import io.windbell.workorder.query.rest.OrderIds;
import io.windbell.workorder.web.IfMatch;

/**
 * The commands on work orders. Each answers the order as changed, with its new ETag; each on an existing order takes
 * {@code If-Match} (428 without, 409 when stale) and answers 404 for an order outside the caller's scope. The assignee
 * works their own order; managers any order of their branch or region; cx-admin every order (ADR 0022).
 */
@Path("/v1/workorders")
@Tag(name = "workorders", description = "Recovery tickets, call-backs and special tasks: lifecycle and queries")
@Produces({ MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE })
@APIResponse(responseCode = "400", description = "invalid id or body (violations per field)")
@APIResponse(responseCode = "403", description = "a role that may never do this, or not the order's assignee")
@APIResponse(responseCode = "404", description = "no such order in the caller's scope")
@APIResponse(responseCode = "409", description = "stale If-Match, or not allowed in the order's status")
@APIResponse(responseCode = "428", description = "If-Match is missing")
public class WorkOrderCommandResource {

    private final OrderCommands commands;
    private final SecurityIdentity identity;

    WorkOrderCommandResource(OrderCommands commands, SecurityIdentity identity) {
        this.commands = commands;
        this.identity = identity;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ "branch-manager", "regional-manager", "cx-admin" })
    @Operation(summary = "Open a manual recovery order (MANUAL or COMPLAINT) in a branch the caller manages; routed and "
            + "SLA-timed like any other")
    @APIResponse(responseCode = "201", description = "opened; Location and ETag name it")
    public Uni<Response> create(@Valid @NotNull Bodies.ManualOrderBody body) {
        if (!Set.of(WorkOrderOrigin.MANUAL, WorkOrderOrigin.COMPLAINT).contains(body.origin())) {
            throw Versioning.invalid(List.of(new Violation("origin", "must be MANUAL or COMPLAINT")));
        }
        ManualOrder manual = new ManualOrder(body.origin(), body.customerId(), body.branchId(), body.regionId(),
                body.title(), body.priority(), body.journeyCode(), body.touchpointCode());
        return commands.create(manual, WorkOrderAccess.orders(identity))
                .map(order -> answer(Response.created(URI.create("/v1/workorders/" + order.id)), order));
    }

    @POST
    @Path("/{id}/claim")
    @RolesAllowed({ "frontline", "branch-manager" })
    @Operation(summary = "Take an unassigned order from the queue: ASSIGNED to the caller (workorder.assigned)")
    @APIResponse(responseCode = "200", description = "the order, assigned to the caller")
    public Uni<Response> claim(@BeanParam OrderRef ref) {
        return respond(commands.claim(target(ref)));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Path("/{id}/assign")
    @RolesAllowed({ "branch-manager", "regional-manager", "cx-admin" })
    @Operation(summary = "Assign or reassign the order (workorder.assigned names the previous assignee)")
    @APIResponse(responseCode = "200", description = "the order, assigned")
    public Uni<Response> assign(@BeanParam OrderRef ref, @Valid @NotNull Bodies.AssignBody body) {
        return respond(commands.assign(target(ref), body.employeeId(), body.reason()));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Path("/{id}/release")
    @RolesAllowed({ "frontline", "branch-manager", "regional-manager", "cx-admin" })
    @Operation(summary = "Put the order back into its queue, nobody assigned (OPEN)")
    @APIResponse(responseCode = "200", description = "the order, back in its queue")
    public Uni<Response> release(@BeanParam OrderRef ref, @Valid Bodies.ReasonBody body) {
        return respond(commands.release(target(ref), body == null ? null : body.reason()));
    }

    @POST
    @Path("/{id}/start")
    @RolesAllowed({ "frontline", "branch-manager", "regional-manager", "cx-admin" })
    @Operation(summary = "Start working on the order: IN_PROGRESS (the first response)")
    @APIResponse(responseCode = "200", description = "the order, in progress")
    public Uni<Response> start(@BeanParam OrderRef ref) {
        return respond(commands.start(target(ref)));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Path("/{id}/wait-for-customer")
    @RolesAllowed({ "frontline", "branch-manager", "regional-manager", "cx-admin" })
    @Operation(summary = "Wait for the customer: PENDING_CUSTOMER, the SLA clock pauses")
    @APIResponse(responseCode = "200", description = "the order, waiting")
    public Uni<Response> waitForCustomer(@BeanParam OrderRef ref, @Valid @NotNull Bodies.WaitBody body) {
        requireInRange("until", body.until());
        return respond(commands.waitForCustomer(target(ref), body.reason(), body.until()));
    }

    @POST
    @Path("/{id}/resume")
    @RolesAllowed({ "frontline", "branch-manager", "regional-manager", "cx-admin" })
    @Operation(summary = "The customer is back: IN_PROGRESS, the SLA clock runs again")
    @APIResponse(responseCode = "200", description = "the order, in progress")
    public Uni<Response> resume(@BeanParam OrderRef ref) {
        return respond(commands.resume(target(ref)));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Path("/{id}/resolve")
    @RolesAllowed({ "frontline", "branch-manager", "regional-manager", "cx-admin" })
    @Operation(summary = "Record the outcome: RESOLVED (workorder.resolved; survey sends the follow-up)")
    @APIResponse(responseCode = "200", description = "the order, resolved")
    public Uni<Response> resolve(@BeanParam OrderRef ref, @Valid @NotNull Bodies.ResolveBody body) {
        Resolution resolution = new Resolution(body.outcome(), body.rootCause(), body.rootCauseCode(),
                body.actionTaken(), body.followUpRequested() == null || body.followUpRequested());
        return respond(commands.resolve(target(ref), resolution));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Path("/{id}/close")
    @RolesAllowed({ "branch-manager", "regional-manager", "cx-admin" })
    @Operation(summary = "Confirm a resolved order: CLOSED (workorder.closed, reason CONFIRMED)")
    @APIResponse(responseCode = "200", description = "the order, closed")
    public Uni<Response> close(@BeanParam OrderRef ref, @Valid Bodies.CloseBody body) {
        WorkOrderClosed.Reason reason = body == null || body.reason() == null ? WorkOrderClosed.Reason.CONFIRMED
                : body.reason();
        requireOneOf("reason", reason, Set.of(WorkOrderClosed.Reason.CONFIRMED));
        return respond(commands.close(target(ref), reason));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Path("/{id}/reopen")
    @RolesAllowed({ "branch-manager", "regional-manager", "cx-admin" })
    @Operation(summary = "Open a resolved or closed order again: ASSIGNED to its last assignee (workorder.reopened)")
    @APIResponse(responseCode = "200", description = "the order, assigned again")
    public Uni<Response> reopen(@BeanParam OrderRef ref, @Valid @NotNull Bodies.ReopenBody body) {
        requireOneOf("reason", body.reason(),
                Set.of(WorkOrderReopened.Reason.CUSTOMER_COMPLAINT, WorkOrderReopened.Reason.QUALITY_REVIEW));
        return respond(commands.reopen(target(ref), body.reason()));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Path("/{id}/cancel")
    @RolesAllowed({ "branch-manager", "regional-manager", "cx-admin" })
    @Operation(summary = "Withdraw an order nobody worked on (a duplicate, opened in error): CLOSED (workorder.closed)")
    @APIResponse(responseCode = "200", description = "the order, closed")
    public Uni<Response> cancel(@BeanParam OrderRef ref, @Valid @NotNull Bodies.CancelBody body) {
        requireOneOf("reason", body.reason(),
                Set.of(WorkOrderClosed.Reason.DUPLICATE, WorkOrderClosed.Reason.CANCELLED));
        return respond(commands.cancel(target(ref), body.reason()));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Path("/{id}/escalate")
    @RolesAllowed({ "frontline", "branch-manager", "regional-manager", "cx-admin" })
    @Operation(summary = "Escalate the order one level up the hierarchy (workorder.escalated, reason MANUAL); 409 when "
            + "nobody is above it")
    @APIResponse(responseCode = "200", description = "the order, escalated")
    public Uni<Response> escalate(@BeanParam OrderRef ref, @Valid @NotNull Bodies.ReasonBody body) {
        return respond(commands.escalate(target(ref), body.reason()));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Path("/{id}/comments")
    @RolesAllowed({ "frontline", "branch-manager", "regional-manager", "cx-admin" })
    @Operation(summary = "Comment on the order (its history; shown to staff, never logged)")
    @APIResponse(responseCode = "200", description = "the order, with the comment in its history")
    public Uni<Response> comment(@BeanParam OrderRef ref, @Valid @NotNull Bodies.CommentBody body) {
        return respond(commands.comment(target(ref), body.text()));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Path("/{id}/contact-attempts")
    @RolesAllowed({ "frontline", "branch-manager", "regional-manager", "cx-admin" })
    @Operation(summary = "Record a contact attempt; the first one on an ASSIGNED order starts it (the first response)")
    @APIResponse(responseCode = "200", description = "the order, with the attempt recorded")
    public Uni<Response> contact(@BeanParam OrderRef ref, @Valid @NotNull Bodies.ContactBody body) {
        requireInRange("at", body.at());
        if (body.at() != null && body.at().isAfter(Instant.now())) {
            throw Versioning.invalid(List.of(new Violation("at", "must not be in the future")));
        }
        return respond(commands.contact(target(ref), body.at(), body.channel(), body.result(), body.note()));
    }

    private Target target(OrderRef ref) {
        return new Target(OrderIds.parse(ref.id), WorkOrderAccess.orders(identity), IfMatch.version(ref.ifMatch));
    }

    private static Uni<Response> respond(Uni<WorkOrder> changed) {
        return changed.map(order -> answer(Response.ok(), order));
    }

    private static Response answer(Response.ResponseBuilder builder, WorkOrder order) {
        return builder.entity(WorkOrderView.of(order)).tag(new EntityTag(Long.toString(order.version))).build();
    }

    private static void requireInRange(String field, Instant at) {
        if (at != null && !QueryParams.inRange(at)) {
            throw Versioning.invalid(List.of(new Violation(field, "must be between 1970 and 9999")));
        }
    }

    private static <E extends Enum<E>> void requireOneOf(String field, E value, Set<E> allowed) {
        if (!allowed.contains(value)) {
            List<String> names = new ArrayList<>(allowed.stream().map(Enum::name).sorted().toList());
            throw Versioning.invalid(List.of(new Violation(field, "must be one of " + names)));
        }
    }
}
