package io.windbell.ingest.intake.rest;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import io.windbell.ingest.IngestConfig;
import io.windbell.ingest.intake.BodyReader;
import io.windbell.ingest.intake.IntakeService;
import io.windbell.ingest.intake.ItemResult;
import io.windbell.ingest.intake.Submission;
import io.windbell.platform.problem.Problem;
import io.windbell.platform.problem.ProblemException;
import io.windbell.platform.problem.Violation;

/** The intake API channel apps post touchpoint events to: HTTP only, the rules live in {@link IntakeService}. */
@Path("/v1/events")
@Tag(name = "events", description = "Touchpoint event intake")
@RolesAllowed("channel-app")
@Produces({ MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE })
@Consumes(MediaType.WILDCARD)
public class EventResource {

    private final IntakeService intake;
    private final BodyReader reader;
    private final SecurityIdentity identity;
    private final IngestConfig.Limits limits;

    EventResource(IntakeService intake, ObjectMapper mapper, SecurityIdentity identity, IngestConfig config) {
        this.intake = intake;
        this.reader = new BodyReader(mapper);
        this.identity = identity;
        this.limits = config.limits();
    }

    @POST
    @Operation(summary = "Submit one touchpoint event (JSON, structured or binary-mode CloudEvent)")
    @APIResponse(responseCode = "202", description = "Acknowledged by the broker")
    @APIResponse(responseCode = "400", description = "Invalid event, kept in the quarantine; field-level reasons")
    @APIResponse(responseCode = "429", description = "Overloaded; retry after Retry-After seconds")
    @APIResponse(responseCode = "503", description = "Broker unreachable; nothing was published")
    public Uni<Response> submit(byte[] body, HttpHeaders headers) {
        IntakeService.Origin origin = origin(headers);
        if (body.length > limits.eventBytes()) {
            return tooLarge(body, origin, "an event may be at most " + limits.eventBytes() + " bytes");
        }
        Submission submission;
        try {
            submission = reader.single(origin.contentType(), cloudEventHeaders(headers), body);
        } catch (BodyReader.MalformedBody e) {
            return intake.quarantineWhole(body, origin, e);
        }
        return intake.submit(List.of(submission), origin).map(result -> {
            ItemResult item = result.items().getFirst();
            if (result.allAccepted()) {
                return Response.accepted(item).build();
            }
            Problem problem = Problem
                    .of("invalid-event", "Invalid touchpoint event", 400,
                            item.errors().size() + " field(s) are invalid; the event is kept in the quarantine")
                    .withViolations(item.errors()).withInstance("/v1/events").with("quarantineId", item.quarantineId());
            return Response.status(400).type(Problem.MEDIA_TYPE).entity(problem).build();
        });
    }

    @POST
    @Path("/batch")
    @Operation(summary = "Submit up to 500 events: JSON array, NDJSON or a CloudEvents batch")
    @APIResponse(responseCode = "202", description = "Every event was acknowledged by the broker")
    @APIResponse(responseCode = "207", description = "Some events were rejected (quarantined); see items")
    @APIResponse(responseCode = "413", description = "Too many events or bytes")
    @APIResponse(responseCode = "429", description = "Overloaded; retry after Retry-After seconds")
    @APIResponse(responseCode = "503", description = "Broker unreachable; nothing was published")
    public Uni<Response> submitBatch(byte[] body, HttpHeaders headers) {
        IntakeService.Origin origin = origin(headers);
        if (body.length > limits.batchBytes()) {
            return tooLarge(body, origin, "a batch may be at most " + limits.batchBytes() + " bytes");
        }
        List<Submission> submissions;
        try {
            submissions = reader.batch(origin.contentType(), body);
        } catch (BodyReader.MalformedBody e) {
            return intake.quarantineWhole(body, origin, e);
        }
        if (submissions.isEmpty()) {
            throw new ProblemException(Problem.of("empty-batch", "Empty batch", 400, "the batch holds no event")
                    .withViolations(List.of(new Violation("$", "must hold at least one event"))));
        }
        if (submissions.size() > limits.batchEvents()) {
            return tooLarge(body, origin,
                    "a batch may hold at most " + limits.batchEvents() + " events, not " + submissions.size());
        }
        return intake.submit(submissions, origin)
                .map(result -> Response.status(result.allAccepted() ? 202 : 207).entity(result).build());
    }

    private <T> Uni<T> tooLarge(byte[] body, IntakeService.Origin origin, String why) {
        ProblemException problem = new ProblemException(Problem.of("payload-too-large", "Payload too large", 413, why)
                .withViolations(List.of(new Violation("$", why))));
        return intake.quarantineWhole(body, origin, problem);
    }

    private IntakeService.Origin origin(HttpHeaders headers) {
        String name = identity.isAnonymous() ? null : identity.getPrincipal().getName();
        return new IntakeService.Origin(name, headers.getHeaderString(HttpHeaders.CONTENT_TYPE), Instant.now());
    }

    private static Map<String, String> cloudEventHeaders(HttpHeaders headers) {
        Map<String, String> ce = new HashMap<>();
        headers.getRequestHeaders().forEach((name, values) -> {
            String lower = name.toLowerCase(java.util.Locale.ROOT);
            if (lower.startsWith("ce-") && !values.isEmpty()) {
                ce.put(lower, values.getFirst());
            }
        });
        return ce;
    }
}
