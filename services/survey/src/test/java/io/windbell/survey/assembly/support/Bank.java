package io.windbell.survey.assembly.support;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import io.windbell.contracts.survey.QuestionType;
import io.windbell.survey.bank.Question;
import io.windbell.survey.bank.Question.Purpose;

/** Question-bank fixtures: single-question builders and a small, complete standard bank. */
public final class Bank {

    public static final String NPS = "Q_NPS";
    public static final String CSAT = "Q_CSAT";
    public static final String CES = "Q_CES";
    public static final String GENERIC_TOUCHPOINT = "Q_TP";
    public static final String BRANCH = "Q_BRANCH";
    public static final String EMPLOYEE = "Q_EMPLOYEE";
    public static final String WHAT_WENT_WRONG = "Q_WRONG";
    public static final String OPEN_TEXT = "Q_OPEN";
    public static final String FOLLOW_UP_NPS = "Q_FOLLOW_NPS";

    private Bank() {
    }

    public static QuestionBuilder question(String id, Purpose purpose, QuestionType type) {
        return new QuestionBuilder(id, purpose, type);
    }

    public static QuestionBuilder anchor(String id, QuestionType type) {
        return question(id, Purpose.ANCHOR, type);
    }

    public static QuestionBuilder touchpoint(String id, String... touchpoints) {
        return question(id, Purpose.TOUCHPOINT, QuestionType.RATING).scale(1, 5).touchpoints(touchpoints);
    }

    /**
     * Anchors for the three metrics, a generic touchpoint rating, branch and employee ratings, the detractor question,
     * open feedback and an NPS follow-up; every text pipes its subject.
     */
    public static List<Question> standard() {
        List<Question> bank = new ArrayList<>();
        bank.add(anchor(NPS, QuestionType.NPS).text("您向朋友推荐{journey}的可能性？", "How likely to recommend {journey}?")
                .build());
        bank.add(anchor(CSAT, QuestionType.CSAT).text("您对{journey}满意吗？", "How satisfied with {journey}?").build());
        bank.add(anchor(CES, QuestionType.CES).text("办理{journey}费力吗？", "How hard was {journey}?").build());
        bank.add(touchpoint(GENERIC_TOUCHPOINT).text("您对{touchpoint}的评价？", "How was {touchpoint}?").build());
        bank.add(question(BRANCH, Purpose.BRANCH, QuestionType.CSAT).text("您对{branch}满意吗？", "How was {branch}?")
                .build());
        bank.add(question(EMPLOYEE, Purpose.EMPLOYEE, QuestionType.RATING).scale(1, 5)
                .text("{employee}的服务如何？", "How did {employee} serve you?").build());
        bank.add(question(WHAT_WENT_WRONG, Purpose.WHAT_WENT_WRONG, QuestionType.MULTIPLE_CHOICE)
                .text("哪些环节出了问题？", "What went wrong?").build());
        bank.add(question(OPEN_TEXT, Purpose.OPEN_TEXT, QuestionType.OPEN_TEXT).text("还有什么想说的？", "Anything else?")
                .build());
        bank.add(question(FOLLOW_UP_NPS, Purpose.FOLLOW_UP, QuestionType.NPS)
                .text("问题解决后，您推荐{journey}的可能性？", "After our call, would you recommend {journey}?").build());
        return bank;
    }

    /** The standard bank plus {@code more}, which replace standard questions of the same id. */
    public static List<Question> standardWith(Question... more) {
        List<String> replaced = Arrays.stream(more).map(Question::id).toList();
        List<Question> bank = new ArrayList<>(standard().stream().filter(q -> !replaced.contains(q.id())).toList());
        bank.addAll(List.of(more));
        return bank;
    }

    /** The standard bank without the questions of the given ids. */
    public static List<Question> standardWithout(String... ids) {
        List<String> drop = List.of(ids);
        return standard().stream().filter(q -> !drop.contains(q.id())).toList();
    }
}
