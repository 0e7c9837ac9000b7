package io.windbell.survey.assembly;

import java.util.List;

import io.windbell.contracts.survey.AnchorMetric;
import io.windbell.contracts.survey.InvitationReason;
import io.windbell.contracts.survey.QuestionType;
import io.windbell.survey.bank.Question;

/** Turns a bank question into the question one customer sees: piped texts and options, score range. */
final class Render {

    /** The RATING scale when the bank leaves it open. */
    static final int DEFAULT_RATING_MIN = 1;
    static final int DEFAULT_RATING_MAX = 5;

    private Render() {
    }

    static SurveyQuestion question(Question bank, String questionId, String touchpointCode, boolean required,
            SurveyQuestion.Condition showIf, InvitationReason reason, Piping piping) {
        List<SurveyQuestion.Choice> options = bank.options().stream()
                .map(o -> new SurveyQuestion.Choice(o.id(), piping.text(o.label(), touchpointCode))).toList();
        return question(bank, questionId, touchpointCode, options, required, showIf, reason, piping);
    }

    static SurveyQuestion question(Question bank, String questionId, String touchpointCode,
            List<SurveyQuestion.Choice> options, boolean required, SurveyQuestion.Condition showIf,
            InvitationReason reason, Piping piping) {
        Integer min = null;
        Integer max = null;
        QuestionType type = bank.type();
        if (type == QuestionType.RATING) {
            min = bank.scaleMin() != null ? bank.scaleMin() : DEFAULT_RATING_MIN;
            max = bank.scaleMax() != null ? bank.scaleMax() : DEFAULT_RATING_MAX;
        } else if (type != null && type.scored()) {
            AnchorMetric metric = AnchorMetric.valueOf(type.name());
            min = metric.min();
            max = metric.max();
        }
        boolean choice = type == QuestionType.SINGLE_CHOICE || type == QuestionType.MULTIPLE_CHOICE;
        return new SurveyQuestion(questionId, bank.id(), bank.version(), type, bank.purpose(), touchpointCode,
                piping.text(bank.text(), touchpointCode), choice ? options : List.of(), min, max, required, showIf,
                reason);
    }

    /** The question type that asks for {@code metric}. */
    static QuestionType typeOf(AnchorMetric metric) {
        return QuestionType.valueOf(metric.name());
    }
}
