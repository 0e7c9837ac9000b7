package io.windbell.survey.assembly;

import java.util.List;
import java.util.Optional;

import io.windbell.contracts.survey.AnchorMetric;
import io.windbell.contracts.survey.InvitationReason;

/**
 * A survey assembled for one customer and one journey: what the hosted page shows and what a response is validated
 * against. Stored with the invitation, so later changes to the bank never change a survey already sent.
 *
 * @param questions
 *            in display order; the first is the anchor question
 * @param reasons
 *            why the customer is invited (first) and why each question is in it, one per question
 * @param excluded
 *            candidate questions left out, and why
 */
public record AssembledSurvey(String surveyCode, AnchorMetric anchorMetric, List<SurveyQuestion> questions,
        List<InvitationReason> reasons, List<Exclusion> excluded) {

    public AssembledSurvey {
        questions = List.copyOf(questions);
        reasons = List.copyOf(reasons);
        excluded = List.copyOf(excluded);
    }

    /** The anchor question (always the first). */
    public SurveyQuestion anchor() {
        return questions.getFirst();
    }

    /** The question of {@code questionId}, if the survey has it. */
    public Optional<SurveyQuestion> question(String questionId) {
        return questions.stream().filter(q -> q.questionId().equals(questionId)).findFirst();
    }

    public List<String> questionIds() {
        return questions.stream().map(SurveyQuestion::questionId).toList();
    }

    /** A candidate question that assembly did not include. */
    public record Exclusion(String questionId, String touchpointCode, String why) {
    }
}
