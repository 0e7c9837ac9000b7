package io.windbell.notification.delivery.rest;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.smallrye.mutiny.Uni;
import io.windbell.contracts.Text;
import io.windbell.notification.delivery.Channel;
import io.windbell.notification.delivery.DeliveryFilter;
import io.windbell.notification.delivery.DeliveryLog;
import io.windbell.notification.delivery.DeliveryStatus;
import io.windbell.notification.delivery.DeliveryView;
import io.windbell.platform.paging.Page;
import io.windbell.platform.paging.QueryParams;
import io.windbell.platform.problem.Problem;
import io.windbell.platform.problem.Violation;
import io.windbell.platform.versioning.Versioning;

/** The delivery log for operators: what went where, what failed and why, and the re-drive of dead deliveries. */
@Path("/v1/admin/deliveries")
@Tag(name = "admin-deliveries", description = "The delivery log, dead letters and their re-drive (cx-admin)")
@Produces({ MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE })
@RolesAllowed("cx-admin")
@APIResponse(responseCode = "400", description = "invalid parameters or body (violations per field)")
@APIResponse(responseCode = "403", description = "not a cx-admin")
public class DeliveryAdminResource {

    /** The filter of a bulk re-drive; both parts optional. */
    public record RedriveBody(@Schema(description = "EMAIL, WECOM, WEBHOOK, APP_PUSH or SMS") String channel,
            @Schema(description = "e.g. workorder.created") String eventType) {
    }

    private final DeliveryLog log;

    DeliveryAdminResource(DeliveryLog log) {
        this.log = log;
    }

    @GET
    @Operation(summary = "The delivery log, newest first, by cursor", description = "Customers' recipients (APP_PUSH, "
            + "SMS) are masked; no answer carries a message's content.")
    @APIResponse(responseCode = "200", description = "one page of deliveries")
    public Uni<Page<DeliveryView>> list(
            @Parameter(description = "QUEUED, HELD, SENT, DELIVERED, DEAD, ACKNOWLEDGED, SKIPPED or DIGESTED") @QueryParam("status") String status,
            @Parameter(description = "EMAIL, WECOM, WEBHOOK, APP_PUSH or SMS") @QueryParam("channel") String channel,
            @Parameter(description = "an employee id, an endpoint id or a customer id (exact)") @QueryParam("recipient") String recipient,
            @Parameter(description = "the id of the event the delivery is about") @QueryParam("eventId") String eventId,
            @Parameter(description = "page size, 1..200, default 50") @QueryParam("limit") String limit,
            @Parameter(description = "nextCursor of the previous page") @QueryParam("cursor") String cursor) {
        QueryParams params = new QueryParams();
        DeliveryStatus byStatus = params.oneOf("status", status, DeliveryStatus.class);
        Channel byChannel = params.oneOf("channel", channel, Channel.class);
        UUID byEvent = eventId == null || eventId.isBlank() ? null : params.uuid("eventId", eventId);
        int size = params.limit(limit);
        params.check();
        QueryParams.Keyset after = QueryParams.keyset(cursor);
        String byRecipient = recipient == null || recipient.isBlank() ? null : recipient.trim();
        return log.list(new DeliveryFilter(byStatus, byChannel, byRecipient, byEvent), after, size);
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One delivery with its log of attempts (oldest first)")
    @APIResponse(responseCode = "200", description = "the delivery")
    @APIResponse(responseCode = "404", description = "no such delivery")
    public Uni<DeliveryView> detail(
            @Parameter(description = "the delivery's id", schema = @Schema(type = SchemaType.STRING, format = "uuid")) @PathParam("id") String id) {
        return log.detail(id(id));
    }

    @POST
    @Path("/{id}/redrive")
    @Operation(summary = "Put a DEAD or SKIPPED delivery back into the queue, due now, with a full series of attempts")
    @APIResponse(responseCode = "200", description = "the delivery, QUEUED, with a REDRIVEN line in its log")
    @APIResponse(responseCode = "404", description = "no such delivery")
    @APIResponse(responseCode = "409", description = "the delivery is neither DEAD nor SKIPPED")
    public Uni<DeliveryView> redrive(
            @Parameter(description = "the delivery's id", schema = @Schema(type = SchemaType.STRING, format = "uuid")) @PathParam("id") String id) {
        return log.redrive(id(id), Instant.now());
    }

    @POST
    @Path("/redrive")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Put every DEAD delivery of a channel and/or event type back into the queue")
    @APIResponse(responseCode = "200", description = "{\"redriven\": n}")
    public Uni<Map<String, Integer>> redriveDead(RedriveBody body) {
        QueryParams params = new QueryParams();
        Channel channel = body == null ? null : params.oneOf("channel", body.channel(), Channel.class);
        params.check();
        String eventType = body == null || body.eventType() == null || body.eventType().isBlank() ? null
                : body.eventType().trim();
        if (eventType != null && (eventType.length() > 100 || !Text.isAcceptable(eventType))) {
            throw Versioning
                    .invalid(List.of(new Violation("eventType", "must be an event type, e.g. " + "workorder.created")));
        }
        return log.redriveDead(channel, eventType, Instant.now()).map(count -> Map.of("redriven", count));
    }

    private static UUID id(String id) {
        QueryParams params = new QueryParams();
        UUID uuid = params.uuid("id", id);
        params.check();
        return uuid;
    }
}
