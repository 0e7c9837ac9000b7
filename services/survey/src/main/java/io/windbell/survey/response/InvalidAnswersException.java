package io.windbell.survey.response;

import java.util.List;

/** The answers do not fit the survey; nothing was stored. */
public class InvalidAnswersException extends RuntimeException {

    private final transient List<AnswerIssue> issues;

    public InvalidAnswersException(List<AnswerIssue> issues) {
        super(issues.size() + " invalid answer(s)", null, false, false);
        this.issues = List.copyOf(issues);
    }

    public List<AnswerIssue> issues() {
        return issues;
    }
}
