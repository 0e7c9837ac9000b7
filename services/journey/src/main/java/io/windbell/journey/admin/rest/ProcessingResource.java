package io.windbell.journey.admin.rest;

import java.util.Map;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import io.windbell.journey.admin.ProcessingStats;
import io.windbell.journey.messaging.TouchpointChannel;
import io.windbell.messaging.consumer.BatchProcessor;
import io.windbell.messaging.outbox.OutboxPublisher;

/** What the reconstruction pipeline has done: for operators and the benchmark. */
@Path("/v1/admin/processing")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("cx-admin")
public class ProcessingResource {

    /**
     * Counters since start ({@code skipped}: redelivered events that changed nothing); since the last reset: the
     * publish-to-commit latency, the part of it spent waiting for a consumer, the mean batch size and the time per
     * phase of a batch.
     */
    public record ProcessingView(long applied, long skipped, long deadLettered, long outboxPublished, String relayError,
            ProcessingStats.Latency latency, ProcessingStats.Latency waitBeforeBatch, double meanBatchSize,
            Map<String, ProcessingStats.Phase> phases) {
    }

    private final TouchpointChannel consumer;
    private final OutboxPublisher relay;
    private final ProcessingStats stats;

    public ProcessingResource(TouchpointChannel consumer, OutboxPublisher relay, ProcessingStats stats) {
        this.consumer = consumer;
        this.relay = relay;
        this.stats = stats;
    }

    @GET
    @Operation(summary = "Events applied and dead-lettered, journey events published, publish-to-commit latency and where it goes")
    public ProcessingView get() {
        BatchProcessor.Status channel = consumer.status();
        var relayStatus = relay.status();
        ProcessingStats.Snapshot snapshot = stats.snapshot();
        return new ProcessingView(channel.applied(), channel.skipped(), channel.deadLettered(), relayStatus.published(),
                relayStatus.lastError(), snapshot.latency(), snapshot.waitBeforeBatch(), snapshot.meanBatchSize(),
                snapshot.phases());
    }

    @POST
    @Path("/reset")
    @Operation(summary = "Start a new latency measurement")
    @APIResponse(responseCode = "204", description = "Reset")
    public void reset() {
        stats.reset();
    }
}
