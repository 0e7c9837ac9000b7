package io.windbell.survey.assembly;

import java.util.List;
import java.util.Map;

import io.windbell.contracts.survey.InvitationReason;
import io.windbell.contracts.survey.QuestionType;
import io.windbell.survey.bank.Question;

/**
 * One question as this customer sees it: texts already piped, in every offered locale.
 *
 * @param questionId
 *            unique within the survey: the bank id, suffixed with {@code @touchpoint} when one untagged bank question
 *            is asked about several touchpoints
 * @param bankQuestionId
 *            the question of the bank it came from
 * @param touchpointCode
 *            the touchpoint it asks about, {@code null} for journey-level questions
 * @param text
 *            locale to piped text
 * @param min
 *            lowest score for scored types, {@code null} otherwise
 * @param showIf
 *            shown only when the anchor score is in this range (the detractor branch); {@code null} = always
 */
public record SurveyQuestion(String questionId, String bankQuestionId, int bankVersion, QuestionType type,
        Question.Purpose purpose, String touchpointCode, Map<String, String> text, List<Choice> options, Integer min,
        Integer max, boolean required, Condition showIf, InvitationReason reason) {

    public SurveyQuestion {
        text = Map.copyOf(text);
        options = options == null ? List.of() : List.copyOf(options);
    }

    /** One choice as shown: its id is what the answer carries. */
    public record Choice(String id, Map<String, String> label) {
        public Choice {
            label = Map.copyOf(label);
        }
    }

    /** Show the question only when the answer to {@code questionId} is between {@code min} and {@code max}. */
    public record Condition(String questionId, int min, int max) {
        public boolean holds(Integer score) {
            return score != null && score >= min && score <= max;
        }
    }
}
