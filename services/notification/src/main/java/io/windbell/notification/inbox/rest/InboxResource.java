package io.windbell.notification.inbox.rest;

import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import io.windbell.notification.inbox.InboxItemView;
import io.windbell.notification.inbox.InboxService;
import io.windbell.notification.staff.Me;
import io.windbell.notification.staff.StaffRegistry;
import io.windbell.platform.paging.Cursor;
import io.windbell.platform.paging.Page;
import io.windbell.platform.paging.QueryParams;
import io.windbell.platform.problem.Problem;
import io.windbell.platform.problem.ProblemException;
import io.windbell.platform.problem.Violation;

/**
 * An employee's own inbox: {@code me} or their own id in the path; any other id is 404, whether or not that employee
 * exists.
 */
@Path("/v1/employees/{employeeId}/inbox")
@Tag(name = "inbox", description = "A staff member's notifications: inbox, acknowledgements, the push stream")
@Produces({ MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE })
@RolesAllowed({ "frontline", "branch-manager", "regional-manager", "cx-analyst", "cx-admin" })
@APIResponse(responseCode = "400", description = "invalid parameters (violations per parameter)")
@APIResponse(responseCode = "403", description = "not a staff role, or a token without employee_id")
@APIResponse(responseCode = "404", description = "another employee's inbox, or not an item of this inbox")
public class InboxResource {

    private final InboxService inbox;
    private final StaffRegistry staff;
    private final SecurityIdentity identity;

    InboxResource(InboxService inbox, StaffRegistry staff, SecurityIdentity identity) {
        this.inbox = inbox;
        this.staff = staff;
        this.identity = identity;
    }

    /** The unread count's answer. */
    public record UnreadCount(long unread) {
    }

    @GET
    @Operation(summary = "The inbox, newest first (by seq), by cursor")
    @APIResponse(responseCode = "200", description = "one page of items; nextCursor is null on the last page")
    public Uni<Page<InboxItemView>> list(
            @Parameter(description = "the employee's id, or me") @PathParam("employeeId") String employeeId,
            @Parameter(description = "true: only unread items; false (the default): all") @QueryParam("unread") String unread,
            @Parameter(description = "page size, 1..200, default 50") @QueryParam("limit") String limit,
            @Parameter(description = "nextCursor of the previous page") @QueryParam("cursor") String cursor) {
        Me me = Me.owner(identity, employeeId);
        QueryParams params = new QueryParams();
        int size = params.limit(limit);
        params.check();
        boolean unreadOnly = flag("unread", unread);
        Long before = cursor == null || cursor.isBlank() ? null : seqOf(cursor);
        return staff.seen(me).chain(() -> inbox.list(me.employeeId(), unreadOnly, before, size));
    }

    @GET
    @Path("/unread-count")
    @Operation(summary = "How many items are unread")
    @APIResponse(responseCode = "200", description = "{\"unread\": n}")
    public Uni<UnreadCount> unreadCount(
            @Parameter(description = "the employee's id, or me") @PathParam("employeeId") String employeeId) {
        Me me = Me.owner(identity, employeeId);
        return staff.seen(me).chain(() -> inbox.unreadCount(me.employeeId())).map(UnreadCount::new);
    }

    @POST
    @Path("/{itemId}/read")
    @Operation(summary = "Mark an item read (again: no change)")
    @APIResponse(responseCode = "200", description = "the item")
    public Uni<InboxItemView> read(
            @Parameter(description = "the employee's id, or me") @PathParam("employeeId") String employeeId,
            @Parameter(description = "the item's id") @PathParam("itemId") String itemId) {
        Me me = Me.owner(identity, employeeId);
        UUID id = itemIdOf(itemId);
        return staff.seen(me).chain(() -> inbox.markRead(me.employeeId(), id));
    }

    @POST
    @Path("/{itemId}/acknowledge")
    @Operation(summary = "Acknowledge an item: read, and its other deliveries (e-mail, re-notification) are stopped", description = "acknowledgedAt is set once; the deliveries of the item's event to the employee become ACKNOWLEDGED.")
    @APIResponse(responseCode = "200", description = "the item")
    public Uni<InboxItemView> acknowledge(
            @Parameter(description = "the employee's id, or me") @PathParam("employeeId") String employeeId,
            @Parameter(description = "the item's id") @PathParam("itemId") String itemId) {
        Me me = Me.owner(identity, employeeId);
        UUID id = itemIdOf(itemId);
        return staff.seen(me).chain(() -> inbox.acknowledge(me.employeeId(), id));
    }

    private static UUID itemIdOf(String value) {
        QueryParams params = new QueryParams();
        UUID id = params.uuid("itemId", value);
        params.check();
        return id;
    }

    private static boolean flag(String field, String value) {
        if (value == null || value.isBlank()) {
            return false;
        }
        return switch (value.trim()) {
        case "true" -> true;
        case "false" -> false;
        default -> throw invalid(field, "must be true or false");
        };
    }

    /** The seq in a cursor this API wrote. */
    private static long seqOf(String cursor) {
        String key = Cursor.decode(cursor, 1).get(0);
        try {
            long seq = Long.parseLong(key);
            if (seq > 0) {
                return seq;
            }
        } catch (NumberFormatException e) {
            // the same answer as a cursor of the wrong shape
        }
        throw Cursor.invalidCursor();
    }

    private static ProblemException invalid(String field, String message) {
        return new ProblemException(Problem.of("invalid-request", "Invalid request", 400, field + " is invalid")
                .withViolations(List.of(new Violation(field, message))));
    }

}
