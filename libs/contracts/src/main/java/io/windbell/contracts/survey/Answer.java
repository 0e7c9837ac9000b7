package io.windbell.contracts.survey;

import java.util.List;

/**
 * One answered question. Exactly one value field is set, chosen by {@code type}: {@code score} for NPS, CSAT, CES and
 * RATING, {@code choices} for SINGLE_CHOICE and MULTIPLE_CHOICE, {@code text} for OPEN_TEXT. Typed fields instead of
 * one untyped {@code value} so that no consumer has to inspect a JSON node to read a score.
 *
 * @param touchpointCode
 *            the touchpoint the question asks about, {@code null} for journey-level questions: scoring rolls answers up
 *            per touchpoint with it
 * @param choices
 *            option ids of the question bank, never display labels
 * @param text
 *            the customer's own words; may hold personal data, never log it
 */
public record Answer(String questionId, QuestionType type, String touchpointCode, Integer score, List<String> choices,
        String text) {

    public Answer {
        choices = choices == null ? null : List.copyOf(choices);
    }
}
