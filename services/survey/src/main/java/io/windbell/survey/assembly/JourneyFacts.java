package io.windbell.survey.assembly;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;

import io.windbell.contracts.journey.TouchpointVisit;
import io.windbell.contracts.touchpoint.Outcome;

/**
 * What the customer went through, as far as assembly cares: the visited touchpoints with their tiers, the channels, and
 * the latest branch, employee and product seen.
 *
 * @param touchpoints
 *            one entry per touchpoint code, in order of first visit
 * @param branchVisited
 *            a visit on {@code BRANCH} or {@code RM_VISIT}, or any visit with a branch id
 * @param branchId
 *            the latest branch id, {@code null} when no visit had one
 * @param branchTouchpoint
 *            the touchpoint of the latest branch visit
 */
record JourneyFacts(List<VisitedTouchpoint> touchpoints, Set<String> channels, boolean branchVisited, String branchId,
        String branchTouchpoint, String employeeId, String employeeTouchpoint, String productId) {

    /** Channels whose visits happen at or with the branch. */
    static final Set<String> BRANCH_CHANNELS = Set.of("BRANCH", "RM_VISIT");

    JourneyFacts {
        touchpoints = List.copyOf(touchpoints);
        channels = Set.copyOf(channels);
    }

    static JourneyFacts of(List<TouchpointVisit> visits, List<String> journeyChannels, TouchpointNorms norms) {
        Map<String, VisitedTouchpoint> byCode = new LinkedHashMap<>();
        Set<String> channels = new LinkedHashSet<>(journeyChannels);
        boolean branchVisited = false;
        String branchId = null;
        String branchTouchpoint = null;
        String employeeId = null;
        String employeeTouchpoint = null;
        String productId = null;
        for (int i = 0; i < visits.size(); i++) {
            TouchpointVisit visit = visits.get(i);
            if (visit == null) {
                continue;
            }
            if (present(visit.channel())) {
                channels.add(visit.channel());
            }
            boolean atBranch = BRANCH_CHANNELS.contains(visit.channel()) || present(visit.branchId());
            if (atBranch) {
                branchVisited = true;
                branchTouchpoint = visit.code();
            }
            if (present(visit.branchId())) {
                branchId = visit.branchId();
            }
            if (present(visit.employeeId())) {
                employeeId = visit.employeeId();
                employeeTouchpoint = visit.code();
            }
            if (present(visit.productId())) {
                productId = visit.productId();
            }
            if (present(visit.code())) {
                VisitedTouchpoint seen = byCode.get(visit.code());
                byCode.put(visit.code(), merge(seen, visit, i, norms));
            }
        }
        return new JourneyFacts(new ArrayList<>(byCode.values()), channels, branchVisited, branchId, branchTouchpoint,
                employeeId, employeeTouchpoint, productId);
    }

    private static VisitedTouchpoint merge(VisitedTouchpoint seen, TouchpointVisit visit, int index,
            TouchpointNorms norms) {
        Priority priority = priority(visit, norms);
        if (seen == null) {
            return new VisitedTouchpoint(visit.code(), index, index, priority, visit, detail(priority, visit, norms));
        }
        // Visits come in time order, so on a tie the later visit wins: its detail is the most recent.
        if (priority.compareTo(seen.priority()) <= 0) {
            return new VisitedTouchpoint(visit.code(), seen.firstVisit(), index, priority, visit,
                    detail(priority, visit, norms));
        }
        return new VisitedTouchpoint(seen.code(), seen.firstVisit(), index, seen.priority(), seen.worst(),
                seen.detail());
    }

    static Priority priority(TouchpointVisit visit, TouchpointNorms norms) {
        if (visit.outcome() == Outcome.FAILURE || visit.outcome() == Outcome.ABANDONED || present(visit.errorCode())) {
            return Priority.FAILED;
        }
        if (Boolean.TRUE.equals(visit.keyNode())) {
            return Priority.KEY_NODE;
        }
        OptionalLong p90 = norms.p90(visit.code());
        if (visit.durationMs() != null && p90.isPresent() && visit.durationMs() > p90.getAsLong()) {
            return Priority.SLOW;
        }
        return Priority.VISITED;
    }

    private static String detail(Priority priority, TouchpointVisit visit, TouchpointNorms norms) {
        return switch (priority) {
        case FAILED -> present(visit.errorCode()) ? visit.errorCode() : String.valueOf(visit.outcome());
        case SLOW -> "took " + visit.durationMs() + " ms, p90 " + norms.p90(visit.code()).getAsLong() + " ms";
        default -> null;
        };
    }

    Set<String> touchpointCodes() {
        Set<String> codes = new LinkedHashSet<>();
        touchpoints.forEach(t -> codes.add(t.code()));
        return codes;
    }

    static boolean present(String value) {
        return value != null && !value.isBlank();
    }
}
