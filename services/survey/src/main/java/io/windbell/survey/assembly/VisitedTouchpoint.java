package io.windbell.survey.assembly;

import io.windbell.contracts.journey.TouchpointVisit;

/**
 * One touchpoint code of a journey, however often it was visited.
 *
 * @param firstVisit
 *            position of its first visit in the journey (visits are in time order): the display order
 * @param lastVisit
 *            position of its most recent visit: the order within a priority tier
 * @param priority
 *            the tier of its worst visit (failed beats key node beats slow beats visited)
 * @param worst
 *            that visit; the latest one when several share the tier
 * @param detail
 *            the explanation of the tier: error code or outcome, the duration against the p90, or {@code null}
 */
record VisitedTouchpoint(String code, int firstVisit, int lastVisit, Priority priority, TouchpointVisit worst,
        String detail) {

    boolean failed() {
        return priority == Priority.FAILED;
    }
}
