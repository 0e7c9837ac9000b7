package io.windbell.journey.tracking;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

import io.windbell.contracts.journey.JourneyStatus;
import io.windbell.contracts.touchpoint.TouchpointRecorded;
import io.windbell.journey.JourneyInstance;
import io.windbell.journey.JourneyInstance.Applied;
import io.windbell.journey.Visit;
import io.windbell.journey.definition.DefinitionLookup;
import io.windbell.journey.definition.JourneyDefinition;

/**
 * The journeys of one person (one subject) and the routing of that person's touchpoint events to them: continue an open
 * journey, start a new one, add to a just-completed one, count an assisted contact, or none.
 */
public final class PersonJourneys {

    /** Where an event went; what the timeline row records. */
    public record Routing(JourneyInstance instance, Integer stepOrder, boolean late) {

        public static final Routing NONE = new Routing(null, null, false);

        public UUID instanceId() {
            return instance == null ? null : instance.id();
        }

        public String definitionCode() {
            return instance == null ? null : instance.definition().code();
        }
    }

    /** The rules routing applies, from configuration. */
    public record Rules(Duration lateness, Duration postCompletionWindow) {
    }

    /** Counts of an identity merge, recorded with the link. */
    public record Adoption(int reattributed, int merged) {
    }

    private final List<JourneyInstance> instances;

    public PersonJourneys(List<JourneyInstance> instances) {
        this.instances = new ArrayList<>(instances);
    }

    public List<JourneyInstance> instances() {
        return List.copyOf(instances);
    }

    /**
     * Routes one event of this person.
     *
     * @param customerId
     *            the customer the event is attributed to (its own, or through an identity link); {@code null} if
     *            anonymous
     */
    public Routing route(TouchpointRecorded event, String customerId, DefinitionLookup definitions, Rules rules,
            Instant now, Supplier<UUID> ids) {
        String touchpoint = event.touchpoint();
        Optional<JourneyInstance> open = instances.stream()
                .filter(i -> !i.closed() && i.definition().contains(touchpoint))
                .max(Comparator.comparing(JourneyInstance::lastActivityAt));
        if (open.isPresent()) {
            return apply(open.get(), event, stepOf(open.get(), touchpoint), rules, now);
        }
        Optional<JourneyInstance> completed = instances.stream()
                .filter(i -> i.status() == JourneyStatus.COMPLETED && i.definition().contains(touchpoint)
                        && !event.occurredAt().toInstant().isBefore(i.completedAt())
                        && !event.occurredAt().toInstant().isAfter(i.completedAt().plus(rules.postCompletionWindow())))
                .max(Comparator.comparing(JourneyInstance::completedAt));
        Routing started = Routing.NONE;
        for (JourneyDefinition definition : definitions.active()) {
            // a start touchpoint begins a new journey even right after one completed (a second transfer that day)
            if (definition.startsWith(touchpoint)) {
                Visit first = Visit.of(event, definition.stepOf(touchpoint).orElseThrow().order());
                JourneyInstance instance = JourneyInstance.start(ids.get(), definition, customerId, event.anonymousId(),
                        first, now);
                instances.add(instance);
                if (started == Routing.NONE) {
                    started = new Routing(instance, first.stepOrder(), false);
                }
            }
        }
        if (started != Routing.NONE) {
            return started;
        }
        if (completed.isPresent()) {
            return apply(completed.get(), event, stepOf(completed.get(), touchpoint), rules, now);
        }
        return contact(event, rules, now);
    }

    /**
     * Takes over an anonymous person's journeys now that the customer is known: an open anonymous journey merges into
     * the customer's open journey of the same definition, or continues under the customer.
     */
    public Adoption adopt(PersonJourneys anonymous, String customerId, Instant now) {
        int reattributed = 0;
        int merged = 0;
        for (JourneyInstance orphan : anonymous.instances) {
            if (orphan.customerId() != null) {
                continue;
            }
            Optional<JourneyInstance> own = orphan.closed() ? Optional.empty() : instances.stream()
                    .filter(i -> !i.closed() && i.definition().code().equals(orphan.definition().code())).findFirst();
            if (own.isPresent()) {
                own.get().absorb(orphan, now);
                merged++;
            } else {
                orphan.attribute(customerId, now);
                reattributed++;
            }
            instances.add(orphan);
        }
        anonymous.instances.clear();
        return new Adoption(reattributed, merged);
    }

    /** A call-centre or branch contact about an open journey (same product, or naming it) continues it. */
    private Routing contact(TouchpointRecorded event, Rules rules, Instant now) {
        Object named = event.attributes() == null ? null : event.attributes().get("journey");
        return instances.stream()
                .filter(i -> !i.closed() && i.definition().assistedChannels().contains(event.channel()))
                .filter(i -> i.definition().code().equals(named) || (event.productId() != null
                        && i.visits().stream().anyMatch(v -> Objects.equals(v.productId(), event.productId()))))
                .max(Comparator.comparing(JourneyInstance::lastActivityAt)).map(i -> apply(i, event, null, rules, now))
                .orElse(Routing.NONE);
    }

    private static Integer stepOf(JourneyInstance instance, String touchpoint) {
        return instance.definition().stepOf(touchpoint).map(JourneyDefinition.Step::order).orElse(null);
    }

    private static Routing apply(JourneyInstance instance, TouchpointRecorded event, Integer stepOrder, Rules rules,
            Instant now) {
        Applied applied = instance.apply(Visit.of(event, stepOrder), now, rules.lateness());
        return new Routing(instance, stepOrder, applied == Applied.LATE);
    }
}
