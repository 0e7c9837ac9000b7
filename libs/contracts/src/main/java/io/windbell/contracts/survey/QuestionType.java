package io.windbell.contracts.survey;

/** The kind of a survey question; decides which value field of an {@link Answer} is set. */
public enum QuestionType {
    NPS, CSAT, CES, SINGLE_CHOICE, MULTIPLE_CHOICE, RATING, OPEN_TEXT;

    /** Whether an answer carries a numeric {@code score}. */
    public boolean scored() {
        return this == NPS || this == CSAT || this == CES || this == RATING;
    }
}
