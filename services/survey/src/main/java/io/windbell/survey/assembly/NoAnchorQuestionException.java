package io.windbell.survey.assembly;

import io.windbell.contracts.survey.AnchorMetric;

/** The question bank holds no askable question for the survey's anchor metric, so no survey can be assembled. */
public final class NoAnchorQuestionException extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    private final AnchorMetric metric;
    private final String journeyCode;

    public NoAnchorQuestionException(AnchorMetric metric, String journeyCode, String message) {
        super(message);
        this.metric = metric;
        this.journeyCode = journeyCode;
    }

    public AnchorMetric metric() {
        return metric;
    }

    /** The journey definition the survey was for; {@code null} when not known (a follow-up without journey). */
    public String journeyCode() {
        return journeyCode;
    }
}
