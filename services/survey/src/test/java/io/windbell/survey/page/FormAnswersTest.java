package io.windbell.survey.page;

import static io.windbell.survey.support.SentInvitations.ANCHOR;
import static io.windbell.survey.support.SentInvitations.OPEN_TEXT;
import static io.windbell.survey.support.SentInvitations.ORDER;
import static io.windbell.survey.support.SentInvitations.RISK;
import static io.windbell.survey.support.SentInvitations.TOUCHPOINT;
import static io.windbell.survey.support.SentInvitations.WHAT_WENT_WRONG;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.windbell.survey.response.AnswerInput;
import io.windbell.survey.support.SentInvitations;

class FormAnswersTest {

    @Test
    void fieldsNamedAfterQuestionIdsWithDotsAndAtSignsAreReadInDisplayOrder() {
        Map<String, List<String>> form = new LinkedHashMap<>();
        form.put("lang", List.of("en"));
        form.put("q." + OPEN_TEXT, List.of("slow"));
        form.put("q." + WHAT_WENT_WRONG, List.of(RISK, ORDER));
        form.put("q." + TOUCHPOINT, List.of("5"));
        form.put("q." + ANCHOR, List.of("4"));

        assertThat(FormAnswers.parse(SentInvitations.npsSurvey(), form)).containsExactly(
                new AnswerInput(ANCHOR, 4, null, null), new AnswerInput(TOUCHPOINT, 5, null, null),
                new AnswerInput(WHAT_WENT_WRONG, null, List.of(RISK, ORDER), null),
                new AnswerInput(OPEN_TEXT, null, null, "slow"));
    }

    @Test
    void emptyFieldsAreUnansweredQuestionsAndGarbageScoresAreNoScore() {
        Map<String, List<String>> form = Map.of("q." + ANCHOR, List.of("ten"), "q." + OPEN_TEXT, List.of("  "),
                "q.Q_UNKNOWN", List.of("1"));
        assertThat(FormAnswers.parse(SentInvitations.npsSurvey(), form)).containsExactly(
                new AnswerInput(ANCHOR, null, null, null), new AnswerInput("Q_UNKNOWN", null, null, null));
    }
}
