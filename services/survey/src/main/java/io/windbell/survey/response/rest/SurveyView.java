package io.windbell.survey.response.rest;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.windbell.contracts.survey.AnchorMetric;
import io.windbell.contracts.survey.QuestionType;
import io.windbell.survey.assembly.SurveyQuestion;
import io.windbell.survey.response.AnswerInput;
import io.windbell.survey.response.Respondent;
import io.windbell.survey.response.Scales;

/**
 * A survey for display by a channel app, in one locale.
 *
 * @param locale
 *            the locale of the texts
 * @param locales
 *            every locale the survey can be shown in ({@code ?lang=})
 * @param draft
 *            answers saved so far, to pre-fill the form
 */
public record SurveyView(UUID invitationId, String surveyCode, String locale, List<String> locales,
        AnchorMetric anchorMetric, Instant expiresAt, String status, List<QuestionView> questions,
        List<AnswerInput> draft, Instant draftSavedAt) {

    /**
     * One question.
     *
     * @param min
     *            lowest score of scored types, else absent
     * @param showIf
     *            ask only when the answer to {@code showIf.questionId} is within [min, max]; absent = always
     */
    public record QuestionView(String id, QuestionType type, String text, List<OptionView> options, Integer min,
            Integer max, boolean required, SurveyQuestion.Condition showIf) {
    }

    /** One choice: answers carry {@code id}. */
    public record OptionView(String id, String label) {
    }

    static SurveyView of(Respondent respondent, String locale) {
        List<QuestionView> questions = respondent.survey().questions().stream().map(q -> {
            boolean scored = q.type().scored();
            return new QuestionView(q.questionId(), q.type(), respondent.text(q, locale),
                    q.options().stream().map(o -> new OptionView(o.id(), respondent.label(o, locale))).toList(),
                    scored ? Scales.min(q) : null, scored ? Scales.max(q) : null, q.required(), q.showIf());
        }).toList();
        return new SurveyView(respondent.invitationId(), respondent.surveyCode(), locale, respondent.locales(),
                respondent.anchorMetric(), respondent.expiresAt(), respondent.status(), questions, respondent.draft(),
                respondent.draftSavedAt());
    }
}
