package io.windbell.survey.response;

import io.windbell.platform.problem.Violation;

/**
 * What is wrong with one answer (or a missing one): the JSON path for the API, the question for the page, and a reason
 * the page can put into the customer's language.
 *
 * @param questionId
 *            the question concerned, {@code null} when the answer names no known question
 * @param field
 *            JSON path, e.g. {@code answers[2].score}; {@code answers} for a required question not answered
 * @param min
 *            lower bound for {@link Reason#SCORE_RANGE}, else {@code null}
 * @param max
 *            upper bound for {@link Reason#SCORE_RANGE} and {@link Reason#TEXT_TOO_LONG}, else {@code null}
 */
public record AnswerIssue(String questionId, String field, Reason reason, String message, Integer min, Integer max) {

    /** The kinds of problems an answer can have. */
    public enum Reason {
        NO_QUESTION, UNKNOWN_QUESTION, DUPLICATE_ANSWER, SCORE_REQUIRED, SCORE_RANGE, ONE_CHOICE, CHOICE_REQUIRED,
        UNKNOWN_OPTION, DUPLICATE_OPTION, TEXT_REQUIRED, TEXT_TOO_LONG, NOT_ALLOWED, REQUIRED, HIDDEN, LOCALE
    }

    static AnswerIssue of(String questionId, String field, Reason reason, String message) {
        return new AnswerIssue(questionId, field, reason, message, null, null);
    }

    public Violation violation() {
        return new Violation(field, message);
    }
}
