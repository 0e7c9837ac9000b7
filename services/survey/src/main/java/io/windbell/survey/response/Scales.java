package io.windbell.survey.response;

import io.windbell.contracts.survey.AnchorMetric;
import io.windbell.survey.assembly.SurveyQuestion;

/** The score range of a scored question: its own bounds, else the fixed scale of its type. */
public final class Scales {

    private Scales() {
    }

    public static int min(SurveyQuestion question) {
        if (question.min() != null) {
            return question.min();
        }
        return switch (question.type()) {
        case NPS -> AnchorMetric.NPS.min();
        case CSAT -> AnchorMetric.CSAT.min();
        case CES -> AnchorMetric.CES.min();
        default -> 0;
        };
    }

    public static int max(SurveyQuestion question) {
        if (question.max() != null) {
            return question.max();
        }
        return switch (question.type()) {
        case NPS -> AnchorMetric.NPS.max();
        case CSAT -> AnchorMetric.CSAT.max();
        case CES -> AnchorMetric.CES.max();
        default -> 10;
        };
    }

}
