package io.windbell.ingest.intake;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.smallrye.mutiny.Uni;
import io.windbell.ingest.IngestConfig;
import io.windbell.ingest.catalog.CatalogCache;
import io.windbell.ingest.catalog.CatalogSnapshot;
import io.windbell.ingest.kafka.BrokerAvailability;
import io.windbell.ingest.kafka.TouchpointPublisher;
import io.windbell.ingest.quarantine.QuarantineService;
import io.windbell.ingest.quarantine.QuarantinedEvent;
import io.windbell.platform.problem.Problem;
import io.windbell.platform.problem.ProblemException;
import io.windbell.platform.problem.Violation;

/**
 * The intake use case: validate every submitted event, publish the valid ones, quarantine the rest, and answer only
 * once both are durable. Refuses fast (503) while the broker is unreachable and sheds load (429) when too many events
 * wait for acknowledgement.
 */
@ApplicationScoped
public class IntakeService {

    private static final Logger LOG = Logger.getLogger(IntakeService.class);

    /** Who sent the request and how, for the quarantine. */
    public record Origin(String clientId, String contentType, Instant receivedAt) {
    }

    private final CatalogCache catalog;
    private final TouchpointPublisher publisher;
    private final BrokerAvailability broker;
    private final QuarantineService quarantine;
    private final EventValidator validator;
    private final Semaphore inFlight;
    private final int retryAfterSeconds;

    IntakeService(CatalogCache catalog, TouchpointPublisher publisher, BrokerAvailability broker,
            QuarantineService quarantine, IngestConfig config, ObjectMapper mapper) {
        this.catalog = catalog;
        this.publisher = publisher;
        this.broker = broker;
        this.quarantine = quarantine;
        this.validator = new EventValidator(new EventValidator.Rules(config.maxFutureSkew(), config.maxEventAge(),
                config.attributes().maxEntries(), config.attributes().maxDepth(), config.attributes().maxBytes()),
                mapper, Clock.systemUTC());
        this.inFlight = new Semaphore(config.limits().inFlightEvents());
        this.retryAfterSeconds = config.limits().retryAfterSeconds();
    }

    /** Validates, publishes and quarantines the submissions of one request. */
    public Uni<IntakeResult> submit(List<Submission> submissions, Origin origin) {
        if (!broker.available()) {
            return Uni.createFrom().failure(unavailable("the event broker is unreachable; nothing was published"));
        }
        CatalogSnapshot snapshot = catalog.snapshot();
        List<Validated> verdicts = new ArrayList<>(submissions.size());
        int accepted = 0;
        for (Submission s : submissions) {
            Validated v = s.envelopeViolations().isEmpty() ? validator.validate(s.event(), snapshot)
                    : new Validated.Rejected(null, null, s.envelopeViolations());
            verdicts.add(v);
            if (v instanceof Validated.Accepted) {
                accepted++;
            }
        }
        if (accepted > 0 && !inFlight.tryAcquire(accepted)) {
            return Uni.createFrom()
                    .failure(new ProblemException(
                            Problem.of("overloaded", "Too many requests", 429,
                                    "ingest is at capacity; retry after " + retryAfterSeconds + " s"),
                            Map.of("Retry-After", String.valueOf(retryAfterSeconds))));
        }
        List<ItemResult> items = new ArrayList<>(submissions.size());
        List<QuarantinedEvent> rejected = new ArrayList<>();
        CompletableFuture<?>[] acks = new CompletableFuture<?>[accepted];
        int a = 0;
        for (int i = 0; i < verdicts.size(); i++) {
            Submission s = submissions.get(i);
            switch (verdicts.get(i)) {
            case Validated.Accepted ok -> {
                acks[a++] = publisher.publish(ok.event());
                items.add(ItemResult.accepted(s.index(), ok.event().eventId().toString()));
            }
            case Validated.Rejected no -> {
                QuarantinedEvent q = QuarantinedEvent.of(origin.receivedAt(), origin.clientId(), origin.contentType(),
                        submissions.size() > 1 ? s.index() : null, no.eventId(), no.channel(), no.violations(),
                        s.raw());
                rejected.add(q);
                items.add(ItemResult.rejected(s.index(), no.eventId(), no.violations(), q.id));
            }
            }
        }
        int acceptedCount = accepted;
        CompletableFuture<Void> allAcked = CompletableFuture.allOf(acks);
        if (acceptedCount > 0) {
            // released by the broker's answer, whatever becomes of the HTTP exchange
            allAcked.whenComplete((ok, error) -> inFlight.release(acceptedCount));
        }
        Uni<Void> published = acceptedCount == 0 ? Uni.createFrom().voidItem()
                : Uni.createFrom().completionStage(allAcked).onFailure().transform(e -> {
                    LOG.warnf("broker did not acknowledge %d event(s): %s", acceptedCount, e.getMessage());
                    return unavailable("the event broker did not acknowledge every event; some may be published"
                            + " already, so retry them all: consumers drop copies by eventId");
                }).replaceWithVoid();
        return Uni.combine().all().unis(quarantine.keep(rejected), published).discardItems()
                .map(ignored -> new IntakeResult(acceptedCount, rejected.size(), items));
    }

    /** Keeps a body that could not be read as events at all, then answers with the given problem. */
    public <T> Uni<T> quarantineWhole(byte[] body, Origin origin, ProblemException problem) {
        QuarantinedEvent q = QuarantinedEvent.of(origin.receivedAt(), origin.clientId(), origin.contentType(), null,
                null, null, problem.problem().violations().isEmpty()
                        ? List.of(new Violation("$", problem.problem().detail())) : problem.problem().violations(),
                body);
        return quarantine.keep(List.of(q)).onItem().transformToUni(stored -> Uni.createFrom()
                .failure(new ProblemException(problem.problem().with("quarantineId", q.id), problem.headers())));
    }

    private ProblemException unavailable(String why) {
        return new ProblemException(
                Problem.of("broker-unavailable", "Service unavailable", 503,
                        why + "; retry after " + retryAfterSeconds + " s"),
                Map.of("Retry-After", String.valueOf(retryAfterSeconds)));
    }
}
