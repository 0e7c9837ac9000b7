package io.windbell.survey.assembly.support;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.windbell.contracts.survey.QuestionType;
import io.windbell.survey.bank.Question;

/** Builds one bank question; texts default to {@code "<id> zh"} / {@code "<id> en"}. */
public final class QuestionBuilder {

    private final String id;
    private final Question.Purpose purpose;
    private final QuestionType type;
    private int version = 1;
    private String zh;
    private String en;
    private final List<Question.Option> options = new ArrayList<>();
    private Integer scaleMin;
    private Integer scaleMax;
    private List<String> journeys = List.of();
    private List<String> phases = List.of();
    private List<String> touchpoints = List.of();
    private List<String> channels = List.of();
    private String behaviour;
    private boolean active = true;

    QuestionBuilder(String id, Question.Purpose purpose, QuestionType type) {
        this.id = id;
        this.purpose = purpose;
        this.type = type;
        this.zh = id + " zh";
        this.en = id + " en";
    }

    public QuestionBuilder text(String zh, String en) {
        this.zh = zh;
        this.en = en;
        return this;
    }

    public QuestionBuilder version(int version) {
        this.version = version;
        return this;
    }

    public QuestionBuilder option(String optionId, String zh, String en) {
        options.add(new Question.Option(optionId, Map.of("zh-CN", zh, "en", en)));
        return this;
    }

    public QuestionBuilder scale(int min, int max) {
        this.scaleMin = min;
        this.scaleMax = max;
        return this;
    }

    public QuestionBuilder journeys(String... codes) {
        this.journeys = List.of(codes);
        return this;
    }

    public QuestionBuilder phases(String... codes) {
        this.phases = List.of(codes);
        return this;
    }

    public QuestionBuilder touchpoints(String... codes) {
        this.touchpoints = List.of(codes);
        return this;
    }

    public QuestionBuilder channels(String... codes) {
        this.channels = List.of(codes);
        return this;
    }

    public QuestionBuilder answeredByBehaviour(String fact) {
        this.behaviour = fact;
        return this;
    }

    public QuestionBuilder inactive() {
        this.active = false;
        return this;
    }

    public Question build() {
        return new Question(id, version, type, purpose, Map.of("zh-CN", zh, "en", en), options, scaleMin, scaleMax,
                new Question.Tags(journeys, phases, touchpoints, List.of(), channels), behaviour, active);
    }
}
