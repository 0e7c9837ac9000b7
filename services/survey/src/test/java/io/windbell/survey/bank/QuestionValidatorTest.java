package io.windbell.survey.bank;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import io.windbell.contracts.survey.QuestionType;
import io.windbell.platform.problem.Violation;
import io.windbell.survey.bank.Question.Option;
import io.windbell.survey.bank.Question.Purpose;
import io.windbell.survey.bank.Question.Tags;

class QuestionValidatorTest {

    /** A valid touchpoint choice question; each case breaks one rule of it. */
    static final class Builder {
        String id = "Q_TEST_CHOICE";
        QuestionType type = QuestionType.SINGLE_CHOICE;
        Purpose purpose = Purpose.TOUCHPOINT;
        Map<String, String> text = new HashMap<>(
                Map.of("zh-CN", "“{touchpoint}”这一步清楚吗？", "en", "Was {touchpoint} clear?"));
        List<Option> options = new ArrayList<>(List.of(option("YES", "是", "Yes"), option("NO", "否", "No")));
        Integer scaleMin;
        Integer scaleMax;
        Tags tags = new Tags(List.of("WEALTH_PURCHASE"), List.of("BEFORE_INVESTING"), List.of("wealth.risk_assessment"),
                List.of("CLARITY"), List.of("MOBILE_APP"));
        String behaviour;

        Question build() {
            return new Question(id, 1, type, purpose, text, options, scaleMin, scaleMax, tags, behaviour, true);
        }
    }

    static Option option(String id, String zh, String en) {
        return new Option(id, Map.of("zh-CN", zh, "en", en));
    }

    static List<String> fields(Builder b) {
        return QuestionValidator.validate(b.build()).stream().map(Violation::field).toList();
    }

    static Builder rating() {
        Builder b = new Builder();
        b.type = QuestionType.RATING;
        b.options = List.of();
        b.scaleMin = 1;
        b.scaleMax = 5;
        return b;
    }

    static Builder anchor(QuestionType type) {
        Builder b = new Builder();
        b.id = "Q_TEST_ANCHOR";
        b.type = type;
        b.purpose = Purpose.ANCHOR;
        b.text = Map.of("zh-CN", "您会推荐我们吗？", "en", "Would you recommend us after {journey}?");
        b.options = List.of();
        b.tags = Tags.NONE;
        return b;
    }

    @Test
    void validQuestionsHaveNoViolations() {
        assertThat(QuestionValidator.validate(new Builder().build())).isEmpty();
        assertThat(QuestionValidator.validate(rating().build())).isEmpty();
        for (QuestionType type : List.of(QuestionType.NPS, QuestionType.CSAT, QuestionType.CES)) {
            assertThat(QuestionValidator.validate(anchor(type).build())).as(type.name()).isEmpty();
        }
        Builder www = anchor(QuestionType.MULTIPLE_CHOICE);
        www.purpose = Purpose.WHAT_WENT_WRONG;
        assertThat(QuestionValidator.validate(www.build())).isEmpty();
        Builder journey = anchor(QuestionType.SINGLE_CHOICE);
        journey.purpose = Purpose.JOURNEY;
        journey.options = List.of(option("YES", "是", "Yes"), option("NO", "否", "No"));
        journey.behaviour = "JOURNEY_OUTCOME";
        assertThat(QuestionValidator.validate(journey.build())).isEmpty();
    }

    static Stream<Arguments> brokenRules() {
        return Stream.of(broken("id in lower case", b -> b.id = "q_lower", "id"),
                broken("id too short", b -> b.id = "QA", "id"), broken("id missing", b -> b.id = null, "id"),
                broken("type missing", b -> b.type = null, "type"),
                broken("purpose missing", b -> b.purpose = null, "purpose"),
                broken("zh-CN text missing", b -> b.text.remove("zh-CN"), "text.zh-CN"),
                broken("en text blank", b -> b.text.put("en", "  "), "text.en"),
                broken("text too long", b -> b.text.put("en", "x".repeat(501)), "text.en"),
                broken("unknown locale", b -> b.text.put("fr", "Bonjour"), "text.fr"),
                broken("unknown placeholder", b -> b.text.put("en", "Was {customer} happy?"), "text.en"),
                broken("{touchpoint} outside TOUCHPOINT questions", b -> {
                    b.purpose = Purpose.JOURNEY;
                }, "text.zh-CN", "text.en"),
                broken("a choice question with one option", b -> b.options.remove(1), "options"),
                broken("duplicate option ids", b -> b.options.set(1, option("YES", "对", "Sure")), "options[1].id"),
                broken("option id not a code", b -> b.options.set(0, option("yes please", "是", "Yes")),
                        "options[0].id"),
                broken("option label without en", b -> b.options.set(0, new Option("YES", Map.of("zh-CN", "是"))),
                        "options[0].label.en"),
                broken("options on a RATING question", b -> {
                    b.type = QuestionType.RATING;
                    b.scaleMin = 1;
                    b.scaleMax = 5;
                }, "options"), broken("RATING without a scale", b -> {
                    b.type = QuestionType.RATING;
                    b.options = List.of();
                }, "scaleMin", "scaleMax"), broken("RATING with min = max", b -> {
                    b.type = QuestionType.RATING;
                    b.options = List.of();
                    b.scaleMin = 3;
                    b.scaleMax = 3;
                }, "scaleMax"), broken("RATING above 10", b -> {
                    b.type = QuestionType.RATING;
                    b.options = List.of();
                    b.scaleMin = 0;
                    b.scaleMax = 11;
                }, "scaleMax"), broken("RATING below 0", b -> {
                    b.type = QuestionType.RATING;
                    b.options = List.of();
                    b.scaleMin = -1;
                    b.scaleMax = 5;
                }, "scaleMin"), broken("a scale on a choice question", b -> b.scaleMax = 5, "scaleMax"),
                broken("tag journey not a code", b -> b.tags = new Tags(List.of("wealth"), null, null, null, null),
                        "tags.journeys[0]"),
                broken("tag touchpoint not a code",
                        b -> b.tags = new Tags(null, null, List.of("Risk Assessment"), null, null),
                        "tags.touchpoints[0]"),
                broken("tag factor repeated", b -> b.tags = new Tags(null, null, null, List.of("EASE", "EASE"), null),
                        "tags.factors[1]"),
                broken("tag phase not a code", b -> b.tags = new Tags(null, List.of("before"), null, null, null),
                        "tags.phases[0]"),
                broken("tag channel not a code", b -> b.tags = new Tags(null, null, null, null, List.of("app")),
                        "tags.channels[0]"),
                broken("unknown behaviour", b -> b.behaviour = "MOOD", "answeredByBehaviour"));
    }

    static Arguments broken(String rule, Consumer<Builder> change, String... fields) {
        return Arguments.of(rule, change, List.of(fields));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("brokenRules")
    void eachRuleIsReportedOnItsField(String rule, Consumer<Builder> change, List<String> expected) {
        Builder b = new Builder();
        change.accept(b);
        assertThat(fields(b)).as(rule).containsExactlyElementsOf(expected);
    }

    @Test
    void anchorTypesHaveFixedScales() {
        for (QuestionType type : List.of(QuestionType.NPS, QuestionType.CSAT, QuestionType.CES)) {
            Builder b = anchor(type);
            b.scaleMin = 0;
            b.scaleMax = 10;
            assertThat(QuestionValidator.validate(b.build())).as(type.name()).extracting(Violation::field)
                    .containsExactly("scaleMin", "scaleMax");
            assertThat(QuestionValidator.validate(b.build()).getFirst().message()).contains("fixed scale");
        }
    }

    @Test
    void purposesRequireFittingTypes() {
        assertThat(fields(anchor(QuestionType.RATING))).contains("type");
        assertThat(fields(anchor(QuestionType.OPEN_TEXT))).containsExactly("type");

        Builder followUp = anchor(QuestionType.SINGLE_CHOICE);
        followUp.purpose = Purpose.FOLLOW_UP;
        followUp.options = List.of(option("A", "甲", "A"), option("B", "乙", "B"));
        assertThat(QuestionValidator.validate(followUp.build())).singleElement().satisfies(v -> {
            assertThat(v.field()).isEqualTo("type");
            assertThat(v.message()).contains("NPS, CSAT or CES");
        });

        Builder www = anchor(QuestionType.SINGLE_CHOICE);
        www.purpose = Purpose.WHAT_WENT_WRONG;
        assertThat(fields(www)).containsExactly("type");

        Builder open = anchor(QuestionType.CSAT);
        open.purpose = Purpose.OPEN_TEXT;
        assertThat(fields(open)).containsExactly("type");
    }

    @Test
    void whatWentWrongOptionsAreGeneratedSoNoneMayBeGiven() {
        Builder www = anchor(QuestionType.MULTIPLE_CHOICE);
        www.purpose = Purpose.WHAT_WENT_WRONG;
        www.options = List.of(option("A", "甲", "A"), option("B", "乙", "B"));
        assertThat(QuestionValidator.validate(www.build())).singleElement().satisfies(v -> {
            assertThat(v.field()).isEqualTo("options");
            assertThat(v.message()).contains("touchpoints the customer visited");
        });
    }

    @Test
    void everyAllowedPlaceholderIsAccepted() {
        Builder b = rating();
        b.text = Map.of("zh-CN", "{journey}{touchpoint}{product}{branch}{employee}", "en",
                "{journey} {touchpoint} {product} {branch} {employee}");
        assertThat(QuestionValidator.validate(b.build())).isEmpty();
        assertThat(QuestionValidator.PLACEHOLDERS).containsExactlyInAnyOrder("journey", "touchpoint", "product",
                "branch", "employee");
    }

    @Test
    void behavioursAreAFixedSet() {
        assertThat(Behaviour.isKnown("JOURNEY_OUTCOME")).isTrue();
        assertThat(Behaviour.isKnown("CHANNEL_USED")).isTrue();
        assertThat(Behaviour.isKnown("journey_outcome")).isFalse();
        assertThat(Behaviour.isKnown(null)).isFalse();
    }
}
