package io.windbell.journey.admin.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import io.windbell.journey.admin.ProcessingStats;
import io.windbell.journey.messaging.JourneyEventRelay;
import io.windbell.journey.messaging.TouchpointConsumer;
import io.windbell.messaging.consumer.ConsumerLoop;

/** What the reconstruction pipeline has done: for operators and the benchmark. */
@Path("/v1/admin/processing")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("cx-admin")
public class ProcessingResource {

    /** Counters since start, and the publish-to-commit latency since the last reset. */
    public record ProcessingView(long applied, long deadLettered, long outboxPublished, String relayError,
            ProcessingStats.Latency latency) {
    }

    private final TouchpointConsumer consumer;
    private final JourneyEventRelay relay;
    private final ProcessingStats stats;

    public ProcessingResource(TouchpointConsumer consumer, JourneyEventRelay relay, ProcessingStats stats) {
        this.consumer = consumer;
        this.relay = relay;
        this.stats = stats;
    }

    @GET
    @Operation(summary = "Events applied and dead-lettered, journey events published, publish-to-commit latency")
    public ProcessingView get() {
        long applied = consumer.status().stream().mapToLong(ConsumerLoop.Status::applied).sum();
        long deadLettered = consumer.status().stream().mapToLong(ConsumerLoop.Status::deadLettered).sum();
        var relayStatus = relay.status();
        return new ProcessingView(applied, deadLettered, relayStatus.published(), relayStatus.lastError(),
                stats.latency());
    }

    @POST
    @Path("/reset")
    @Operation(summary = "Start a new latency measurement")
    @APIResponse(responseCode = "204", description = "Reset")
    public void reset() {
        stats.reset();
    }
}
