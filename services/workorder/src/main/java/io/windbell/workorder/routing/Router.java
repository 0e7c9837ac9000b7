package io.windbell.workorder.routing;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

import io.windbell.workorder.calendar.WorkingTime;
import io.windbell.workorder.order.Queues;

/**
 * The routing decision, as plain logic over {@link RoutingFacts}: (1) the customer's relationship manager, wherever the
 * touchpoint was, when active, not on leave, on shift and below capacity; (2) the touchpoint branch's queue; (3) the
 * region's queue, when the branch is unknown or has no staff who take orders; (4) the central queue. Within a queue the
 * least-loaded employee on shift with capacity left takes the order; when nobody does, it waits in that queue.
 * <p>
 * The RM rule ignores the branch and region of the touchpoint on purpose: the RM owns the customer, and a customer who
 * had a bad experience in another city's branch still expects their own RM to call. The order then belongs to the RM's
 * branch, so the RM's manager sees it and escalation goes up the RM's hierarchy.
 */
public final class Router {

    public static final String RELATIONSHIP_MANAGER = "RELATIONSHIP_MANAGER";
    public static final String BRANCH_QUEUE = "BRANCH_QUEUE";
    public static final String REGION_QUEUE = "REGION_QUEUE";
    public static final String CENTRAL_QUEUE = "CENTRAL_QUEUE";

    /**
     * Least loaded first: the smaller share of capacity in use, then fewer open orders, then the longest since the last
     * assignment (never assigned first), then the employee id, so the same facts always give the same choice.
     */
    static final Comparator<Candidate> LEAST_LOADED = ((Comparator<Candidate>) (a, b) -> Long
            .compare(a.openOrders() * b.capacity(), b.openOrders() * a.capacity()))
                    .thenComparingLong(Candidate::openOrders)
                    .thenComparing(Candidate::lastAssignedAt, Comparator.nullsFirst(Comparator.naturalOrder()))
                    .thenComparing(Candidate::employeeId);

    private final WorkingTime workingTime;
    private final ZoneId zone;
    private final String centralBranch;

    /**
     * @param zone
     *            the bank's zone: the day a leave ends is read in it
     * @param centralBranch
     *            the branch that owns the central queue (head office)
     */
    public Router(WorkingTime workingTime, ZoneId zone, String centralBranch) {
        this.workingTime = workingTime;
        this.zone = zone;
        this.centralBranch = centralBranch;
    }

    public RoutingDecision decide(RoutingFacts facts, Instant now) {
        LocalDate today = LocalDate.ofInstant(now, zone);
        List<String> notes = new ArrayList<>();
        if (facts.relationshipManagerId() != null) {
            Optional<Candidate> rm = facts.employee(facts.relationshipManagerId());
            Optional<String> unavailable = rm.map(candidate -> unavailable(candidate, today, now))
                    .orElse(Optional.of("is not in the staff directory"));
            if (unavailable.isEmpty()) {
                Candidate chosen = rm.get();
                return new RoutingDecision(Queues.branch(chosen.branchId()), chosen.employeeId(), RELATIONSHIP_MANAGER,
                        "customer's relationship manager " + chosen.employeeId() + " is on shift with "
                                + chosen.openOrders() + " of " + chosen.capacity() + " open orders",
                        chosen.branchId(), chosen.regionId());
            }
            notes.add("RM " + facts.relationshipManagerId() + " " + unavailable.get());
        }
        if (facts.branchId() != null) {
            List<Candidate> pool = pool(facts, today, candidate -> facts.branchId().equals(candidate.branchId()));
            if (!pool.isEmpty()) {
                Optional<Candidate> chosen = choose(notes, facts.branchId() + " queue", pool, facts.journeyCode(), now);
                return new RoutingDecision(Queues.branch(facts.branchId()), id(chosen), BRANCH_QUEUE, reason(notes),
                        facts.branchId(), facts.regionId());
            }
            notes.add(facts.branchKnown() ? "branch " + facts.branchId() + " has no staff who take orders"
                    : "branch " + facts.branchId() + " is unknown to the directory");
        }
        if (facts.regionId() != null) {
            List<Candidate> pool = pool(facts, today, candidate -> facts.regionId().equals(candidate.regionId()));
            if (!pool.isEmpty()) {
                Optional<Candidate> chosen = choose(notes, "region " + facts.regionId() + " queue", pool,
                        facts.journeyCode(), now);
                // an assigned order belongs to the assignee's branch (their manager sees it); a waiting one keeps its
                // own branch, and the regional manager sees it by its region
                String owner = chosen.map(Candidate::branchId)
                        .orElse(facts.branchId() != null ? facts.branchId() : centralBranch);
                return new RoutingDecision(Queues.region(facts.regionId()), id(chosen), REGION_QUEUE, reason(notes),
                        owner, facts.regionId());
            }
            notes.add("region " + facts.regionId() + " has no staff who take orders");
        } else {
            notes.add("no region is known");
        }
        List<Candidate> pool = pool(facts, today, candidate -> centralBranch.equals(candidate.branchId()));
        Optional<Candidate> chosen = pool.isEmpty() ? Optional.empty()
                : choose(notes, "central queue", pool, facts.journeyCode(), now);
        if (pool.isEmpty()) {
            notes.add("central queue: " + centralBranch + " has no staff who take orders, the order waits");
        }
        // as in the region's queue: assigned, the order belongs to the assignee's (head office) branch; waiting, it
        // keeps
        // its own branch and region, so their managers still see it
        String owner = chosen.map(Candidate::branchId)
                .orElse(facts.branchId() != null ? facts.branchId() : centralBranch);
        String region = chosen.isPresent() ? chosen.get().regionId() : facts.regionId();
        return new RoutingDecision(Queues.CENTRAL, id(chosen), CENTRAL_QUEUE, reason(notes), owner, region);
    }

    /** Why {@code candidate} cannot take an order now, or empty when they can. */
    private Optional<String> unavailable(Candidate candidate, LocalDate today, Instant now) {
        if (!candidate.active()) {
            return Optional.of("is inactive");
        }
        if (candidate.onLeave(today)) {
            return Optional.of("is on leave until " + candidate.onLeaveUntil());
        }
        if (!onShift(candidate, now)) {
            return Optional.of("is off shift (calendar " + calendarOf(candidate) + ")");
        }
        if (!candidate.hasRoom()) {
            return Optional
                    .of("is at capacity (" + candidate.openOrders() + " of " + candidate.capacity() + " open orders)");
        }
        return Optional.empty();
    }

    /**
     * The staff of a queue: active, in a role that takes orders, not on leave today. Off-shift staff count (the order
     * waits for them); staff on leave do not (a branch whose only employee is on leave for weeks passes its orders on).
     */
    private static List<Candidate> pool(RoutingFacts facts, LocalDate today, Predicate<Candidate> inQueue) {
        return facts.staff().stream().filter(inQueue)
                .filter(candidate -> candidate.active() && candidate.role().takesOrders() && !candidate.onLeave(today))
                .toList();
    }

    /**
     * The least-loaded of the queue's staff on shift with capacity left, preferring those whose skills include the
     * order's journey when any of them has it; empty when nobody can take it (the order waits). Adds why to
     * {@code notes}.
     */
    private Optional<Candidate> choose(List<String> notes, String queue, List<Candidate> pool, String journeyCode,
            Instant now) {
        List<Candidate> onShift = pool.stream().filter(candidate -> onShift(candidate, now)).toList();
        if (onShift.isEmpty()) {
            notes.add(queue + ": nobody of " + pool.size() + " is on shift, the order waits");
            return Optional.empty();
        }
        List<Candidate> withRoom = onShift.stream().filter(Candidate::hasRoom).toList();
        if (withRoom.isEmpty()) {
            notes.add(queue + ": all " + onShift.size() + " on shift are at capacity, the order waits");
            return Optional.empty();
        }
        List<Candidate> skilled = journeyCode == null ? List.of()
                : withRoom.stream().filter(candidate -> candidate.skills().contains(journeyCode)).toList();
        List<Candidate> eligible = skilled.isEmpty() ? withRoom : skilled;
        Candidate chosen = eligible.stream().min(LEAST_LOADED).orElseThrow();
        String skill = skilled.isEmpty() || skilled.size() == withRoom.size() ? "" : ", preferred for skill "
                + journeyCode + " (" + skilled.size() + " of " + withRoom.size() + " have it)";
        notes.add(queue + ": " + chosen.employeeId() + " has " + chosen.openOrders() + " of " + chosen.capacity()
                + " open orders, the least loaded among " + withRoom.size() + " on shift with capacity left" + skill);
        return Optional.of(chosen);
    }

    private boolean onShift(Candidate candidate, Instant now) {
        return workingTime.isWorking(calendarOf(candidate), now);
    }

    /** The employee's calendar, else the bank's default one. */
    static String calendarOf(Candidate candidate) {
        return candidate.calendar() != null ? candidate.calendar() : WorkingTime.DEFAULT_CALENDAR;
    }

    private static String id(Optional<Candidate> chosen) {
        return chosen.map(Candidate::employeeId).orElse(null);
    }

    private static String reason(List<String> notes) {
        return String.join("; ", notes);
    }
}
