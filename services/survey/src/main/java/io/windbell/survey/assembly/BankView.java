package io.windbell.survey.assembly;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Predicate;

import io.windbell.survey.bank.Question;

/**
 * The bank as assembly sees it: only active questions, the highest active version of each id, ordered by id, so that
 * the order in which a repository returns rows never changes a survey.
 */
final class BankView {

    private final List<Question> questions;

    private BankView(List<Question> questions) {
        this.questions = questions;
    }

    static BankView of(List<Question> bank) {
        Map<String, Question> latest = new LinkedHashMap<>();
        for (Question question : Objects.requireNonNull(bank, "bank")) {
            if (question == null || !question.active() || question.id() == null) {
                continue;
            }
            latest.merge(question.id(), question, (a, b) -> a.version() >= b.version() ? a : b);
        }
        return new BankView(latest.values().stream().sorted(Comparator.comparing(Question::id)).toList());
    }

    /** Every active question, by id. */
    List<Question> all() {
        return questions;
    }

    List<Question> where(Predicate<Question> filter) {
        return questions.stream().filter(filter).toList();
    }
}
