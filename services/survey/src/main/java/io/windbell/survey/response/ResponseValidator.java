package io.windbell.survey.response;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.windbell.contracts.survey.Answer;
import io.windbell.contracts.survey.QuestionType;
import io.windbell.survey.assembly.AssembledSurvey;
import io.windbell.survey.assembly.SurveyQuestion;
import io.windbell.survey.response.AnswerIssue.Reason;

/**
 * Checks a respondent's answers against the survey they were sent, question type by question type, and turns them into
 * contract {@link Answer}s in display order.
 * <p>
 * Answers to a question whose {@code showIf} does not hold (the detractor branch after a promoter score) are rejected
 * as {@link Reason#HIDDEN} when the caller can know better ({@link HiddenAnswers#REJECT}: the JSON API), or silently
 * dropped ({@link HiddenAnswers#DROP}: the HTML form, where a browser without JavaScript still posts the inputs of a
 * branch the customer never saw as relevant).
 */
public final class ResponseValidator {

    /** The longest open text answer, in code points (as JSON Schema counts). */
    public static final int MAX_TEXT = 2000;

    /** How strictly to check. */
    public enum Mode {
        /** A submitted response: everything, including required questions and the branching rules. */
        SUBMIT,
        /**
         * A draft: each answer given must fit its question's type and range; empty answers are ignored, required
         * questions and branching are not enforced (the customer may still change the anchor).
         */
        DRAFT
    }

    /** What to do with an answer to a question that the branching rules hide. */
    public enum HiddenAnswers {
        REJECT, DROP
    }

    /**
     * The result: the valid answers in display order, or the issues (never both meaningful: a response is stored only
     * when {@code issues} is empty).
     *
     * @param dropped
     *            question ids of answers dropped because their question was hidden
     */
    public record Outcome(List<Answer> answers, List<AnswerIssue> issues, List<String> dropped) {

        public boolean valid() {
            return issues.isEmpty();
        }

        /** The anchor's score, if it was answered. */
        public Integer score(String questionId) {
            return answers.stream().filter(a -> a.questionId().equals(questionId)).map(Answer::score).findFirst()
                    .orElse(null);
        }
    }

    public Outcome validate(AssembledSurvey survey, List<AnswerInput> inputs, Mode mode, HiddenAnswers hidden) {
        Map<String, SurveyQuestion> questions = new LinkedHashMap<>();
        Map<String, Integer> position = new HashMap<>();
        for (SurveyQuestion q : survey.questions()) {
            position.put(q.questionId(), position.size());
            questions.put(q.questionId(), q);
        }
        List<AnswerIssue> issues = new ArrayList<>();
        Set<String> questionsWithIssues = new HashSet<>();
        Set<String> seen = new HashSet<>();
        Map<String, Answer> accepted = new LinkedHashMap<>();
        Map<String, Integer> acceptedAt = new HashMap<>();
        List<AnswerInput> list = inputs == null ? List.of() : inputs;

        for (int i = 0; i < list.size(); i++) {
            String at = "answers[" + i + "]";
            AnswerInput input = list.get(i);
            if (input == null) {
                issues.add(AnswerIssue.of(null, at, Reason.NO_QUESTION, "must be an answer object"));
                continue;
            }
            String id = input.questionId();
            if (id == null || id.isBlank()) {
                issues.add(AnswerIssue.of(null, at + ".questionId", Reason.NO_QUESTION, "must name a question"));
                continue;
            }
            SurveyQuestion question = questions.get(id);
            if (question == null) {
                issues.add(AnswerIssue.of(null, at + ".questionId", Reason.UNKNOWN_QUESTION,
                        "is not a question of this survey"));
                continue;
            }
            if (!seen.add(id)) {
                issues.add(AnswerIssue.of(id, at + ".questionId", Reason.DUPLICATE_ANSWER,
                        "question " + id + " is answered more than once"));
                questionsWithIssues.add(id);
                continue;
            }
            if (mode == Mode.DRAFT && input.empty()) {
                continue;
            }
            List<AnswerIssue> own = check(question, input, at);
            if (own.isEmpty()) {
                accepted.put(id, toAnswer(question, input));
                acceptedAt.put(id, i);
            } else {
                issues.addAll(own);
                questionsWithIssues.add(id);
            }
        }

        List<String> dropped = new ArrayList<>();
        if (mode == Mode.SUBMIT) {
            for (SurveyQuestion question : survey.questions()) {
                SurveyQuestion.Condition condition = question.showIf();
                String id = question.questionId();
                if (condition == null || !accepted.containsKey(id)
                        || questionsWithIssues.contains(condition.questionId())) {
                    continue;
                }
                if (!condition.holds(scoreOf(accepted.get(condition.questionId())))) {
                    accepted.remove(id);
                    if (hidden == HiddenAnswers.DROP) {
                        dropped.add(id);
                    } else {
                        issues.add(AnswerIssue.of(id, "answers[" + acceptedAt.get(id) + "].questionId", Reason.HIDDEN,
                                "question " + id + " is asked only when the answer to " + condition.questionId()
                                        + " is between " + condition.min() + " and " + condition.max()));
                        questionsWithIssues.add(id);
                    }
                }
            }
            for (SurveyQuestion question : survey.questions()) {
                String id = question.questionId();
                if (!question.required() || accepted.containsKey(id) || questionsWithIssues.contains(id)) {
                    continue;
                }
                SurveyQuestion.Condition condition = question.showIf();
                if (condition != null && !condition.holds(scoreOf(accepted.get(condition.questionId())))) {
                    continue;
                }
                issues.add(AnswerIssue.of(id, "answers", Reason.REQUIRED, "question " + id + " must be answered"));
            }
        }

        List<Answer> answers = accepted.values().stream()
                .sorted(Comparator.comparing(a -> position.get(a.questionId()))).toList();
        return new Outcome(answers, List.copyOf(issues), List.copyOf(dropped));
    }

    private static Integer scoreOf(Answer answer) {
        return answer == null ? null : answer.score();
    }

    private static List<AnswerIssue> check(SurveyQuestion question, AnswerInput input, String at) {
        String id = question.questionId();
        List<AnswerIssue> issues = new ArrayList<>();
        QuestionType type = question.type();
        boolean hasChoices = input.choices() != null && !input.choices().isEmpty();
        boolean hasText = input.text() != null && !input.text().isEmpty();
        if (type.scored()) {
            int min = Scales.min(question);
            int max = Scales.max(question);
            if (input.score() == null) {
                issues.add(AnswerIssue.of(id, at + ".score", Reason.SCORE_REQUIRED,
                        "must be a whole number from " + min + " to " + max));
            } else if (input.score() < min || input.score() > max) {
                issues.add(new AnswerIssue(id, at + ".score", Reason.SCORE_RANGE,
                        "must be between " + min + " and " + max, min, max));
            }
            notAllowed(issues, id, at + ".choices", hasChoices, type);
            notAllowed(issues, id, at + ".text", hasText, type);
        } else if (type == QuestionType.SINGLE_CHOICE || type == QuestionType.MULTIPLE_CHOICE) {
            Set<String> known = new HashSet<>();
            question.options().forEach(o -> known.add(o.id()));
            if (!hasChoices) {
                issues.add(
                        AnswerIssue.of(id, at + ".choices", Reason.CHOICE_REQUIRED, type == QuestionType.SINGLE_CHOICE
                                ? "must hold exactly one option id" : "must hold at least one option id"));
            } else if (type == QuestionType.SINGLE_CHOICE && input.choices().size() > 1) {
                issues.add(AnswerIssue.of(id, at + ".choices", Reason.ONE_CHOICE, "must hold exactly one option id"));
            } else {
                Set<String> chosen = new HashSet<>();
                for (int j = 0; j < input.choices().size(); j++) {
                    String choice = input.choices().get(j);
                    if (choice == null || !known.contains(choice)) {
                        issues.add(AnswerIssue.of(id, at + ".choices[" + j + "]", Reason.UNKNOWN_OPTION,
                                "is not an option of question " + id));
                    } else if (!chosen.add(choice)) {
                        issues.add(AnswerIssue.of(id, at + ".choices[" + j + "]", Reason.DUPLICATE_OPTION,
                                "is chosen more than once"));
                    }
                }
            }
            notAllowed(issues, id, at + ".score", input.score() != null, type);
            notAllowed(issues, id, at + ".text", hasText, type);
        } else {
            String text = input.text() == null ? "" : input.text().strip();
            if (text.isEmpty()) {
                issues.add(AnswerIssue.of(id, at + ".text", Reason.TEXT_REQUIRED, "must not be blank"));
            } else if (text.codePointCount(0, text.length()) > MAX_TEXT) {
                issues.add(new AnswerIssue(id, at + ".text", Reason.TEXT_TOO_LONG,
                        "must be at most " + MAX_TEXT + " characters", null, MAX_TEXT));
            }
            notAllowed(issues, id, at + ".score", input.score() != null, type);
            notAllowed(issues, id, at + ".choices", hasChoices, type);
        }
        return issues;
    }

    private static void notAllowed(List<AnswerIssue> issues, String id, String field, boolean present,
            QuestionType type) {
        if (present) {
            issues.add(AnswerIssue.of(id, field, Reason.NOT_ALLOWED, "must be absent for a " + type + " question"));
        }
    }

    private static Answer toAnswer(SurveyQuestion question, AnswerInput input) {
        QuestionType type = question.type();
        if (type.scored()) {
            return new Answer(question.questionId(), type, question.touchpointCode(), input.score(), null, null);
        }
        if (type == QuestionType.OPEN_TEXT) {
            return new Answer(question.questionId(), type, question.touchpointCode(), null, null, input.text().strip());
        }
        return new Answer(question.questionId(), type, question.touchpointCode(), null, List.copyOf(input.choices()),
                null);
    }
}
