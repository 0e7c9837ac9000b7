package io.windbell.journey;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

import io.windbell.contracts.EventPayload;
import io.windbell.contracts.journey.InterruptionReason;
import io.windbell.contracts.journey.JourneyCompleted;
import io.windbell.contracts.journey.JourneyInterrupted;
import io.windbell.contracts.journey.JourneyProgressed;
import io.windbell.contracts.journey.JourneyResumed;
import io.windbell.contracts.journey.JourneyStarted;
import io.windbell.contracts.journey.JourneyStatus;
import io.windbell.contracts.journey.JourneySummary;
import io.windbell.contracts.journey.TouchpointVisit;
import io.windbell.contracts.touchpoint.Outcome;
import io.windbell.journey.definition.JourneyDefinition;
import io.windbell.journey.definition.JourneyDefinition.Step;

/**
 * One customer's journey through one journey definition: the aggregate that holds the state machine.
 * <p>
 * Visits are kept in the order they <em>happened</em> ({@code occurredAt}), whatever order they arrive in; everything
 * the instance knows (furthest step, phase, key nodes reached, what it is waiting for) is derived from them, so a late
 * event inside the lateness bound lands where it belongs. Milestones are remembered once reached, so an event is never
 * announced twice however often a visit is replayed.
 * <p>
 * Interruptions: after a key node the journey may rest for the node's inactivity timeout; a FAILURE at a key node or an
 * explicit ABANDONED waits the definition's channel-switch grace window for a continuation. A continuation inside the
 * window, on another channel, is a <em>channel switch</em>, not an interruption. When a window passes with nothing, the
 * journey is interrupted; anything after that resumes it.
 * <p>
 * Events are only produced for a known customer: a journey that began anonymously announces itself with
 * {@code journey.started} when identity stitching attributes it.
 */
public final class JourneyInstance {

    /** The most visits an instance keeps; milestones and counters survive the oldest being dropped. */
    static final int MAX_VISITS = 200;

    /** What a visit did to the instance. */
    public enum Applied {
        /** placed in the journey and applied */
        APPLIED,
        /** older than the lateness bound allows behind the latest activity: timeline only */
        LATE,
        /** arrived after the journey completed (e.g. viewing holdings after a purchase): kept, changes nothing */
        AFTER_COMPLETION
    }

    /** What the instance is waiting for and until when. */
    public record Pending(InterruptionReason reason, Instant dueAt, Visit armedBy) {
    }

    /** The next moment the instance must be looked at again without a new event. */
    public record Deadline(Instant dueAt, String kind) {
    }

    /** The interruption the instance is in, if any. */
    public record OpenInterruption(InterruptionReason reason, Instant interruptedAt, Visit lastVisit) {
    }

    /** A change to the interruption history, for the analytics table. */
    public sealed interface InterruptionChange {
    }

    /** The journey was interrupted. */
    public record InterruptionOpened(OpenInterruption interruption, String errorCode) implements InterruptionChange {
    }

    /** The journey resumed after an interruption. */
    public record InterruptionResolved(Instant resumedAt, String channel) implements InterruptionChange {
    }

    private static final Comparator<Visit> TIME_ORDER = Comparator.comparing(Visit::at)
            .thenComparing(v -> v.eventId().toString());

    private final UUID id;
    private final JourneyDefinition definition;
    private String customerId;
    private final String anonymousId;
    private final boolean beganAnonymous;
    private JourneyStatus status;
    private boolean closed;
    private UUID mergedInto;
    private Instant startedAt;
    private Instant updatedAt;
    private Instant lastActivityAt;
    private Instant completedAt;
    private final List<Visit> visits;
    private int maxStep;
    private final LinkedHashSet<String> phasesEntered;
    private final LinkedHashSet<String> keyNodesReached;
    private final LinkedHashSet<String> errorCodes;
    private final LinkedHashSet<String> channels;
    private int interruptions;
    private int channelSwitches;
    private long revision;
    private boolean announced;
    private OpenInterruption openInterruption;

    private final List<EventPayload> events = new ArrayList<>();
    private final List<InterruptionChange> interruptionChanges = new ArrayList<>();
    private boolean changed;

    private JourneyInstance(JourneyState state, JourneyDefinition definition) {
        this.id = state.id();
        this.definition = definition;
        this.customerId = state.customerId();
        this.anonymousId = state.anonymousId();
        this.beganAnonymous = state.beganAnonymous();
        this.status = state.status();
        this.closed = state.closed();
        this.mergedInto = state.mergedInto();
        this.startedAt = state.startedAt();
        this.updatedAt = state.updatedAt();
        this.lastActivityAt = state.lastActivityAt();
        this.completedAt = state.completedAt();
        this.visits = new ArrayList<>(state.visits());
        this.maxStep = state.maxStep();
        this.phasesEntered = new LinkedHashSet<>(state.phasesEntered());
        this.keyNodesReached = new LinkedHashSet<>(state.keyNodesReached());
        this.errorCodes = new LinkedHashSet<>(state.errorCodes());
        this.channels = new LinkedHashSet<>(state.channels());
        this.interruptions = state.interruptions();
        this.channelSwitches = state.channelSwitches();
        this.revision = state.revision();
        this.announced = state.announced();
        this.openInterruption = state.openInterruption();
    }

    /**
     * Opens a journey on its first visit.
     *
     * @param customerId
     *            {@code null} while the person is only known by an anonymous (device) id
     */
    public static JourneyInstance start(UUID id, JourneyDefinition definition, String customerId, String anonymousId,
            Visit first, Instant now) {
        JourneyInstance instance = new JourneyInstance(new JourneyState(id, definition.code(), definition.version(),
                customerId, anonymousId, customerId == null, JourneyStatus.IN_PROGRESS, false, null, first.at(), now,
                first.at(), null, List.of(), 0, List.of(), List.of(), List.of(), List.of(), 0, 0, 0, false, null),
                definition);
        instance.apply(first, now, Duration.ZERO);
        return instance;
    }

    /** Puts a stored instance back together; the definition is the version it started on. */
    public static JourneyInstance restore(JourneyState state, JourneyDefinition definition) {
        return new JourneyInstance(state, definition);
    }

    /** The state to store. */
    public JourneyState state() {
        return new JourneyState(id, definition.code(), definition.version(), customerId, anonymousId, beganAnonymous,
                status, closed, mergedInto, startedAt, updatedAt, lastActivityAt, completedAt, List.copyOf(visits),
                maxStep, List.copyOf(phasesEntered), List.copyOf(keyNodesReached), List.copyOf(errorCodes),
                List.copyOf(channels), interruptions, channelSwitches, revision, announced, openInterruption);
    }

    /**
     * Applies one visit.
     *
     * @param lateness
     *            how far behind the latest activity a visit may have happened and still be placed in the journey
     */
    public Applied apply(Visit visit, Instant now, Duration lateness) {
        if (status == JourneyStatus.COMPLETED) {
            insert(visit);
            touch(now);
            return Applied.AFTER_COMPLETION;
        }
        if (!visits.isEmpty() && visit.at().isBefore(lastActivityAt.minus(lateness))) {
            return Applied.LATE;
        }
        Optional<Pending> pendingBefore = pending();
        if (pendingBefore.isPresent() && visit.at().isAfter(pendingBefore.get().dueAt())) {
            // the window passed before this visit happened and the timer has not fired yet: the interruption stands
            interrupt(pendingBefore.get().reason(), pendingBefore.get().dueAt(), pendingBefore.get().armedBy());
            pendingBefore = Optional.empty();
        }
        boolean wasInterrupted = status == JourneyStatus.INTERRUPTED;
        String phaseBefore = phase();

        boolean inOrder = insert(visit);
        if (visit.at().isBefore(startedAt)) {
            startedAt = visit.at();
        }
        if (visit.at().isAfter(lastActivityAt)) {
            lastActivityAt = visit.at();
        }
        if (visit.errorCode() != null) {
            errorCodes.add(visit.errorCode());
        }
        channels.add(visit.channel());
        if (!inOrder) {
            // a straggler may be the first occurrence of a code or channel already seen
            orderByFirstOccurrence(errorCodes, Visit::errorCode);
            orderByFirstOccurrence(channels, Visit::channel);
        }
        touch(now);

        if (wasInterrupted && resumes(visit)) {
            resume(visit);
        } else if (!wasInterrupted && pendingBefore.isPresent() && continues(visit, pendingBefore.get())
                && !visit.channel().equals(pendingBefore.get().armedBy().channel())) {
            channelSwitches++;
        }

        Step step = visit.stepOrder() == null ? null : definition.step(visit.stepOrder());
        if (step != null && visit.outcome() != Outcome.ABANDONED && step.order() > maxStep) {
            maxStep = step.order();
        }
        String phase = phase();
        if (phase != null && !phasesEntered.contains(phase)) {
            phasesEntered.add(phase);
            emit(summary -> new JourneyProgressed(summary, JourneyProgressed.Kind.PHASE_ENTERED, phaseBefore, null,
                    visit.at()));
        }
        if (step != null && step.keyNode() && visit.succeeded() && keyNodesReached.add(step.code())) {
            emit(summary -> new JourneyProgressed(summary, JourneyProgressed.Kind.KEY_NODE_REACHED, null,
                    visit.touchpoint(), visit.at()));
        }
        if (!announced && customerId != null) {
            // the started event stands for every milestone reached before it
            announce();
        }
        if (visit.outcome() == Outcome.SUCCESS && definition.completesWith(visit.touchpoint())) {
            complete(visit);
        }
        return Applied.APPLIED;
    }

    /**
     * Checks the clocks: interrupts the journey whose window passed, closes the one past its maximum duration.
     *
     * @return whether anything changed
     */
    public boolean onTimer(Instant now) {
        if (closed) {
            return false;
        }
        Instant expiresAt = startedAt.plus(definition.maxDuration());
        boolean fired = false;
        Optional<Pending> pending = pending();
        // a window that passed before the maximum duration interrupts as what it was, however late the timer runs
        if (pending.isPresent() && !now.isBefore(pending.get().dueAt()) && pending.get().dueAt().isBefore(expiresAt)) {
            interrupt(pending.get().reason(), pending.get().dueAt(), pending.get().armedBy());
            fired = true;
        }
        if (!now.isBefore(expiresAt)) {
            if (status == JourneyStatus.IN_PROGRESS) {
                interrupt(InterruptionReason.TIMEOUT, expiresAt, last());
            }
            closed = true;
            fired = true;
        }
        if (fired) {
            touch(now);
        }
        return fired;
    }

    /**
     * The customer became known: the journey continues under the customer and, if still open, announces itself. A
     * closed one only gets its owner, for the timeline.
     */
    public void attribute(String customer, Instant now) {
        if (customerId != null) {
            return;
        }
        customerId = customer;
        touch(now);
        if (!closed) {
            announce();
        }
    }

    /**
     * Takes over the visits of another instance of the same journey for the same person (an anonymous journey found to
     * be the customer's own open one after login); the other is closed as merged into this one.
     */
    public void absorb(JourneyInstance other, Instant now) {
        for (Visit visit : other.visits) {
            if (visits.stream().noneMatch(v -> v.eventId().equals(visit.eventId()))) {
                apply(visit, now, Duration.ofDays(36500));
            }
        }
        other.closed = true;
        other.mergedInto = id;
        other.touch(now);
    }

    /** When the instance must next be looked at by the timer, if ever. */
    public Optional<Deadline> nextDeadline() {
        if (closed) {
            return Optional.empty();
        }
        Deadline expiry = new Deadline(startedAt.plus(definition.maxDuration()), "MAX_DURATION");
        Optional<Pending> pending = pending();
        if (pending.isPresent() && pending.get().dueAt().isBefore(expiry.dueAt())) {
            return Optional.of(new Deadline(pending.get().dueAt(), pending.get().reason().name()));
        }
        return Optional.of(expiry);
    }

    /** What would interrupt the journey if nothing else happens, derived from the latest visit. */
    public Optional<Pending> pending() {
        if (status != JourneyStatus.IN_PROGRESS || closed || visits.isEmpty()) {
            return Optional.empty();
        }
        Visit last = last();
        if (last.outcome() == Outcome.ABANDONED) {
            return Optional.of(
                    new Pending(InterruptionReason.ABANDONED, last.at().plus(definition.channelSwitchGrace()), last));
        }
        Step lastStep = last.stepOrder() == null ? null : definition.step(last.stepOrder());
        if (last.outcome() == Outcome.FAILURE && lastStep != null && lastStep.keyNode()) {
            return Optional
                    .of(new Pending(InterruptionReason.FAILURE, last.at().plus(definition.channelSwitchGrace()), last));
        }
        return furthestKeyNodeReached().map(
                keyNode -> new Pending(InterruptionReason.TIMEOUT, last.at().plus(keyNode.inactivityTimeout()), last));
    }

    /** Events produced since the last call, in order; each carries the summary as of its own moment. */
    public List<EventPayload> drainEvents() {
        List<EventPayload> drained = List.copyOf(events);
        events.clear();
        return drained;
    }

    /** Interruption history changes since the last call. */
    public List<InterruptionChange> drainInterruptionChanges() {
        List<InterruptionChange> drained = List.copyOf(interruptionChanges);
        interruptionChanges.clear();
        return drained;
    }

    /** Whether anything changed since the instance was loaded or created. */
    public boolean changed() {
        return changed;
    }

    public JourneySummary summary() {
        List<TouchpointVisit> recent = visits
                .subList(Math.max(0, visits.size() - JourneySummary.MAX_TOUCHPOINTS), visits.size()).stream()
                .map(visit -> visit.toContract(definition)).toList();
        return new JourneySummary(id, definition.code(), definition.version(), customerId, definition.stage(), phase(),
                status, revision, startedAt, updatedAt, List.copyOf(channels), recent);
    }

    public UUID id() {
        return id;
    }

    public JourneyDefinition definition() {
        return definition;
    }

    public String customerId() {
        return customerId;
    }

    public String anonymousId() {
        return anonymousId;
    }

    /** {@code c:<customerId>} once the customer is known, else {@code a:<anonymousId>}. */
    public String subject() {
        return Subjects.of(customerId, anonymousId);
    }

    public JourneyStatus status() {
        return status;
    }

    public boolean closed() {
        return closed;
    }

    public UUID mergedInto() {
        return mergedInto;
    }

    public String phase() {
        return maxStep == 0 ? null : definition.step(maxStep).phase();
    }

    public int maxStep() {
        return maxStep;
    }

    public Instant startedAt() {
        return startedAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    public Instant lastActivityAt() {
        return lastActivityAt;
    }

    public Instant completedAt() {
        return completedAt;
    }

    public int interruptions() {
        return interruptions;
    }

    public int channelSwitches() {
        return channelSwitches;
    }

    public long revision() {
        return revision;
    }

    public List<Visit> visits() {
        return List.copyOf(visits);
    }

    public Optional<OpenInterruption> openInterruption() {
        return Optional.ofNullable(openInterruption);
    }

    private boolean resumes(Visit visit) {
        return visit.outcome() != Outcome.ABANDONED && visit.at().isAfter(openInterruption.lastVisit().at());
    }

    private static boolean continues(Visit visit, Pending pending) {
        return visit.outcome() != Outcome.ABANDONED && visit.at().isAfter(pending.armedBy().at())
                && !visit.at().isAfter(pending.dueAt());
    }

    private void resume(Visit visit) {
        OpenInterruption interruption = openInterruption;
        boolean switched = !visit.channel().equals(interruption.lastVisit().channel());
        if (switched) {
            channelSwitches++;
        }
        status = JourneyStatus.IN_PROGRESS;
        openInterruption = null;
        interruptionChanges.add(new InterruptionResolved(visit.at(), visit.channel()));
        emit(summary -> new JourneyResumed(summary, interruption.reason(), interruption.interruptedAt(), visit.at(),
                visit.toContract(definition), switched));
    }

    private void interrupt(InterruptionReason reason, Instant at, Visit lastVisit) {
        status = JourneyStatus.INTERRUPTED;
        interruptions++;
        openInterruption = new OpenInterruption(reason, at, lastVisit);
        String errorCode = lastVisit.errorCode();
        interruptionChanges.add(new InterruptionOpened(openInterruption, errorCode));
        List<String> errors = List.copyOf(errorCodes);
        emit(summary -> new JourneyInterrupted(summary, reason, lastVisit.toContract(definition), errors, at));
    }

    private void complete(Visit visit) {
        status = JourneyStatus.COMPLETED;
        closed = true;
        completedAt = visit.at();
        long durationMs = Math.max(0, Duration.between(startedAt, completedAt).toMillis());
        int count = interruptions;
        emit(summary -> new JourneyCompleted(summary, visit.at(), durationMs, count));
    }

    private void announce() {
        announced = true;
        revision++;
        events.add(new JourneyStarted(summary(), beganAnonymous ? anonymousId : null));
    }

    private void emit(Function<JourneySummary, EventPayload> event) {
        if (!announced || customerId == null) {
            return;
        }
        revision++;
        events.add(event.apply(summary()));
    }

    private Optional<Step> furthestKeyNodeReached() {
        Step furthest = null;
        for (Step step : definition.steps()) {
            if (step.keyNode() && keyNodesReached.contains(step.code())) {
                furthest = step;
            }
        }
        return Optional.ofNullable(furthest);
    }

    private Visit last() {
        return visits.getLast();
    }

    /** Places a visit in time order; returns whether it went to the end. */
    private boolean insert(Visit visit) {
        int at = visits.size();
        while (at > 0 && TIME_ORDER.compare(visits.get(at - 1), visit) > 0) {
            at--;
        }
        boolean last = at == visits.size();
        visits.add(at, visit);
        if (visits.size() > MAX_VISITS) {
            visits.removeFirst();
        }
        return last;
    }

    /**
     * Re-sorts distinct values (channels, error codes) by their first visit in time order; values only the dropped,
     * oldest visits had keep their place in front.
     */
    private void orderByFirstOccurrence(LinkedHashSet<String> values, Function<Visit, String> of) {
        Map<String, Integer> first = new HashMap<>();
        for (int i = 0; i < visits.size(); i++) {
            String value = of.apply(visits.get(i));
            if (value != null) {
                first.putIfAbsent(value, i);
            }
        }
        List<String> ordered = values.stream().sorted(Comparator.comparing(v -> first.getOrDefault(v, -1))).toList();
        values.clear();
        values.addAll(ordered);
    }

    private void touch(Instant now) {
        updatedAt = now;
        changed = true;
    }
}
