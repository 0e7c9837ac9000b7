package io.windbell.survey.response;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * One answer as a respondent sends it, before validation: which value field counts depends on the question's type.
 *
 * @param text
 *            the customer's own words; may hold personal data, never log it
 */
public record AnswerInput(String questionId, Integer score, List<String> choices, String text) {

    public AnswerInput {
        choices = choices == null ? null : Collections.unmodifiableList(new ArrayList<>(choices));
    }

    /** Whether no value field carries anything (a question left unanswered). */
    public boolean empty() {
        return score == null && (choices == null || choices.isEmpty()) && (text == null || text.isBlank());
    }
}
