package io.windbell.survey.assembly;

import java.util.Comparator;

/**
 * A question about the journey competing for the rule's question limit.
 *
 * @param recency
 *            position of the touchpoint's latest visit; higher = more recent
 * @param code
 *            the touchpoint code, the last tie-breaker ({@code ""} for branch and employee)
 * @param displayRank
 *            where it goes once chosen: the touchpoint's first visit, branch and employee after all touchpoints
 */
record Candidate(Priority priority, int recency, String code, int displayRank, SurveyQuestion question) {

    /** Selection order: tier, then the most recent visit first, then the touchpoint code. */
    static final Comparator<Candidate> SELECTION = Comparator.comparing(Candidate::priority)
            .thenComparing(Comparator.comparingInt(Candidate::recency).reversed()).thenComparing(Candidate::code);

    /** Display order: the order the customer went through the touchpoints, then branch, then employee. */
    static final Comparator<Candidate> DISPLAY = Comparator.comparingInt(Candidate::displayRank)
            .thenComparing(Candidate::code);

    static final int BRANCH_RANK = Integer.MAX_VALUE - 1;
    static final int EMPLOYEE_RANK = Integer.MAX_VALUE;
}
