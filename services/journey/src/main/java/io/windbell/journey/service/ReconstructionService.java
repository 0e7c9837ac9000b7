package io.windbell.journey.service;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.windbell.contracts.touchpoint.TouchpointRecorded;
import io.windbell.journey.JourneyConfig;
import io.windbell.journey.JourneyInstance;
import io.windbell.journey.Subjects;
import io.windbell.journey.admin.ProcessingStats;
import io.windbell.journey.definition.DefinitionLookup;
import io.windbell.journey.store.IdentityMerge;
import io.windbell.journey.store.JourneyStore;
import io.windbell.journey.store.TimelineEntry;
import io.windbell.journey.tracking.PersonJourneys;
import io.windbell.journey.tracking.PersonJourneys.Adoption;
import io.windbell.journey.tracking.PersonJourneys.Routing;
import io.windbell.messaging.envelope.Envelope;
import io.windbell.messaging.outbox.OutboxMessage;
import io.windbell.platform.logging.Mask;

/**
 * Applies a batch of touchpoint events to the journeys of the people they belong to, inside the caller's transaction:
 * the events the kit claimed in the inbox (new to this consumer), in the order they happened: lock the people, stitch
 * identities, route every event and write timeline, journeys, timers and journey events (outbox) together.
 */
@ApplicationScoped
public class ReconstructionService {

    /** The name of this consumer in the inbox ledger. */
    public static final String CONSUMER = "journey.touchpoints";

    private static final Logger LOG = Logger.getLogger(ReconstructionService.class);

    private final JourneyStore store;
    private final DefinitionLookup definitions;
    private final PersonJourneys.Rules rules;

    public ReconstructionService(JourneyStore store, DefinitionLookup definitions, JourneyConfig config) {
        this.store = store;
        this.definitions = definitions;
        this.rules = new PersonJourneys.Rules(config.lateness(), config.postCompletionWindow());
    }

    /**
     * @return how many journey events the batch produced
     */
    public int apply(Connection connection, List<Envelope<TouchpointRecorded>> fresh, Instant now,
            ProcessingStats.Lap lap) throws SQLException {
        List<Envelope<TouchpointRecorded>> deliveries = fresh.stream()
                .sorted(Comparator.comparing(d -> d.payload().occurredAt().toInstant())).toList();
        if (deliveries.isEmpty()) {
            return 0;
        }

        Set<String> anonymousIds = new HashSet<>();
        for (Envelope<TouchpointRecorded> delivery : deliveries) {
            if (delivery.payload().anonymousId() != null) {
                anonymousIds.add(delivery.payload().anonymousId());
            }
        }
        // Everyone the batch touches is locked in one sorted round, so two consumers never wait on each other in
        // opposite orders: who that is depends on the devices' links, read first, then again under the locks. A link
        // committed in between can name a customer not locked yet; waiting for that lock could deadlock, so it is only
        // tried, and if someone holds it the batch starts over (a transient failure: the retry reads the link first).
        Map<String, String> links = store.links(connection, anonymousIds);
        Set<String> subjects = touched(deliveries, links);
        store.lock(connection, subjects);
        links = store.links(connection, anonymousIds);
        Set<String> linkedMeanwhile = new HashSet<>(touched(deliveries, links));
        linkedMeanwhile.removeAll(subjects);
        if (!store.tryLock(connection, linkedMeanwhile).containsAll(linkedMeanwhile)) {
            throw new SQLTransientException("a customer linked while this batch waited is busy; starting over");
        }
        subjects.addAll(linkedMeanwhile);
        lap.lap("lock");

        Instant completedSince = now.minus(rules.postCompletionWindow()).minus(rules.lateness());
        Map<String, List<JourneyInstance>> loaded = store.loadBySubject(connection, subjects, completedSince);
        lap.lap("load");
        Map<String, PersonJourneys> people = new HashMap<>();
        List<TimelineEntry> timeline = new ArrayList<>(deliveries.size());
        List<IdentityMerge> merges = new ArrayList<>();
        Map<UUID, String> traceparents = new HashMap<>();

        for (Envelope<TouchpointRecorded> delivery : deliveries) {
            TouchpointRecorded event = delivery.payload();
            String customerId = event.customerId();
            String anonymousId = event.anonymousId();
            if (customerId != null && anonymousId != null && !customerId.equals(links.get(anonymousId))) {
                PersonJourneys customer = person(people, loaded, Subjects.customer(customerId));
                Adoption adoption = customer.adopt(person(people, loaded, Subjects.anonymous(anonymousId)), customerId,
                        now);
                links.put(anonymousId, customerId);
                merges.add(new IdentityMerge(anonymousId, customerId, event.occurredAt().toInstant(), event.eventId(),
                        adoption));
                LOG.debugf("linked device %s to customer %s: %d journeys re-attributed, %d merged",
                        Mask.id(anonymousId), Mask.id(customerId), adoption.reattributed(), adoption.merged());
            }
            String attributed = customerId != null ? customerId : links.get(anonymousId);
            PersonJourneys person = person(people, loaded, Subjects.of(attributed, anonymousId));
            Routing routing = person.route(event, attributed, definitions, rules, now, UUID::randomUUID);
            timeline.add(new TimelineEntry(event, attributed, routing));
            String traceparent = delivery.traceparent();
            if (routing.instance() != null && traceparent != null) {
                traceparents.put(routing.instanceId(), traceparent);
            }
        }

        lap.lap("route");
        store.saveEvents(connection, timeline);
        store.saveLinks(connection, merges);
        lap.lap("timeline");
        List<JourneyInstance> instances = people.values().stream().flatMap(p -> p.instances().stream()).distinct()
                .toList();
        List<OutboxMessage> events = store.saveInstances(connection, instances, now, traceparents);
        lap.lap("journeys");
        int count = store.appendToOutbox(connection, events);
        lap.lap("outbox");
        return count;
    }

    /**
     * The people whose journeys routing these events reads or writes, given the devices' links: the customer an event
     * names; a device's own journeys only while the device is not linked to that customer yet (its first event with the
     * customer adopts them); for an event without a customer, the customer its device is linked to, else the device. A
     * device already linked is not locked again, so the consumer of its customer's partition and the consumer of the
     * device's partition do not wait for each other on every event of a logged-in session.
     */
    static Set<String> touched(List<Envelope<TouchpointRecorded>> deliveries, Map<String, String> stored) {
        Map<String, String> links = new HashMap<>(stored);
        Set<String> subjects = new HashSet<>();
        for (Envelope<TouchpointRecorded> delivery : deliveries) {
            String customerId = delivery.payload().customerId();
            String anonymousId = delivery.payload().anonymousId();
            if (customerId != null) {
                subjects.add(Subjects.customer(customerId));
                if (anonymousId != null && !customerId.equals(links.put(anonymousId, customerId))) {
                    subjects.add(Subjects.anonymous(anonymousId));
                }
            } else {
                subjects.add(Subjects.of(links.get(anonymousId), anonymousId));
            }
        }
        return subjects;
    }

    private static PersonJourneys person(Map<String, PersonJourneys> people, Map<String, List<JourneyInstance>> loaded,
            String subject) {
        return people.computeIfAbsent(subject, s -> new PersonJourneys(loaded.getOrDefault(s, List.of())));
    }
}
