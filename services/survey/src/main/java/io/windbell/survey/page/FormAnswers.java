package io.windbell.survey.page;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.windbell.contracts.survey.QuestionType;
import io.windbell.survey.assembly.AssembledSurvey;
import io.windbell.survey.assembly.SurveyQuestion;
import io.windbell.survey.response.AnswerInput;

/**
 * Reads the answers of the hosted form: one field {@code q.<questionId>} per question (question ids may contain
 * {@code .} and {@code @}, so everything after the first two characters is the id), several values for a multiple
 * choice. Empty fields are questions left unanswered.
 */
public final class FormAnswers {

    public static final String PREFIX = "q.";

    private FormAnswers() {
    }

    /** The form field of a question. */
    public static String field(String questionId) {
        return PREFIX + questionId;
    }

    /** The answers in display order; fields naming no question of the survey come last (validation rejects them). */
    public static List<AnswerInput> parse(AssembledSurvey survey, Map<String, List<String>> form) {
        List<AnswerInput> answers = new ArrayList<>();
        for (SurveyQuestion question : survey.questions()) {
            List<String> values = values(form.get(field(question.questionId())));
            if (!values.isEmpty()) {
                answers.add(input(question, values));
            }
        }
        for (Map.Entry<String, List<String>> field : form.entrySet()) {
            String name = field.getKey();
            if (name.startsWith(PREFIX) && !survey.questionIds().contains(name.substring(PREFIX.length()))
                    && !values(field.getValue()).isEmpty()) {
                answers.add(new AnswerInput(name.substring(PREFIX.length()), null, null, null));
            }
        }
        return answers;
    }

    private static AnswerInput input(SurveyQuestion question, List<String> values) {
        QuestionType type = question.type();
        if (type.scored()) {
            return new AnswerInput(question.questionId(), integer(values.getFirst()), null, null);
        }
        if (type == QuestionType.OPEN_TEXT) {
            return new AnswerInput(question.questionId(), null, null, values.getFirst());
        }
        return new AnswerInput(question.questionId(), null, values, null);
    }

    private static List<String> values(List<String> raw) {
        if (raw == null) {
            return List.of();
        }
        return raw.stream().filter(v -> v != null && !v.isBlank()).toList();
    }

    private static Integer integer(String value) {
        try {
            return Integer.valueOf(value.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
