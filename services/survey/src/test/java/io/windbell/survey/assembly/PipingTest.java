package io.windbell.survey.assembly;

import static io.windbell.survey.assembly.support.JourneyBuilder.wealth;
import static io.windbell.survey.assembly.support.VisitBuilder.visit;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.windbell.contracts.survey.QuestionType;
import io.windbell.survey.assembly.support.Assembler;
import io.windbell.survey.assembly.support.Bank;
import io.windbell.survey.assembly.support.MapNames;
import io.windbell.survey.assembly.support.Rules;
import io.windbell.survey.bank.Question;
import io.windbell.survey.names.Names;

class PipingTest {

    private final Assembler assembler = new Assembler();

    /** Asks about the product of the journey, with an option that names it too. */
    private final Question productQuestion = Bank
            .question("Q_PRODUCT", Question.Purpose.TOUCHPOINT, QuestionType.SINGLE_CHOICE).touchpoints("PAYMENT")
            .text("您为什么选择{product}？", "Why did you choose {product}?")
            .option("RETURN", "{product}的收益", "the return of {product}").build();

    private final JourneyContext journey = wealth()
            .visit(visit("LOGIN", 0).product("P99"), visit("MYSTERY_STEP", 1), visit("PAYMENT", 2).product("P01"))
            .build();

    @Test
    void namesArePipedInEveryLocale() {
        AssembledSurvey survey = assembler.assemble(Rules.nps(5), journey, Bank.standardWith(productQuestion),
                TouchpointNorms.NONE, MapNames.standard());

        assertThat(survey.anchor().text())
                .isEqualTo(Map.of("zh-CN", "您向朋友推荐理财购买的可能性？", "en", "How likely to recommend wealth purchase?"));
        SurveyQuestion product = survey.question("Q_PRODUCT").orElseThrow();
        // The latest product of the journey.
        assertThat(product.text()).isEqualTo(Map.of("zh-CN", "您为什么选择朝朝宝？", "en", "Why did you choose Zhaozhaobao?"));
        assertThat(product.options()).containsExactly(
                new SurveyQuestion.Choice("RETURN", Map.of("zh-CN", "朝朝宝的收益", "en", "the return of Zhaozhaobao")));
        assertThat(survey.questions()).allSatisfy(q -> assertThat(q.text()).containsOnlyKeys(SurveyAssembler.LOCALES));
    }

    @Test
    void unknownNamesBecomeNeutralPhrasesNeverCodes() {
        AssembledSurvey survey = assembler.assemble(Rules.nps(5), journey, Bank.standardWith(productQuestion),
                TouchpointNorms.NONE, MapNames.names());

        assertThat(survey.anchor().text())
                .isEqualTo(Map.of("zh-CN", "您向朋友推荐本次服务的可能性？", "en", "How likely to recommend this service?"));
        assertThat(survey.question("Q_TP@MYSTERY_STEP").orElseThrow().text())
                .isEqualTo(Map.of("zh-CN", "您对这一步的评价？", "en", "How was this step?"));
        assertThat(survey.question("Q_PRODUCT").orElseThrow().text())
                .isEqualTo(Map.of("zh-CN", "您为什么选择该产品？", "en", "Why did you choose this product?"));
        assertThat(survey.questions()).flatExtracting(q -> q.text().values()).noneMatch(t -> t.contains("{")
                || t.contains("WEALTH_PURCHASE") || t.contains("MYSTERY_STEP") || t.contains("P01"));
    }

    @Test
    void aNameKnownInOneLocaleOnlyFallsBackPerLocale() {
        MapNames zhOnly = MapNames.names().put(Names.Kind.JOURNEY, "WEALTH_PURCHASE", "zh-CN", "理财购买");

        AssembledSurvey survey = assembler.assemble(Rules.nps(5), journey, Bank.standard(), TouchpointNorms.NONE,
                zhOnly);

        assertThat(survey.anchor().text())
                .isEqualTo(Map.of("zh-CN", "您向朋友推荐理财购买的可能性？", "en", "How likely to recommend this service?"));
    }

    @Test
    void missingNamesOfAnyKindAreHandledWithoutANamesSource() {
        AssembledSurvey survey = assembler.assemble(Rules.nps(5),
                wealth().visit(visit("BRANCH_COUNTER", 0).channel("BRANCH").branch("B001")).build(), Bank.standard(),
                null, null);

        assertThat(survey.question(Bank.BRANCH).orElseThrow().text())
                .isEqualTo(Map.of("zh-CN", "您对网点满意吗？", "en", "How was the branch?"));
        assertThat(survey.question("Q_TP@BRANCH_COUNTER").orElseThrow().text()).containsEntry("en",
                "How was this step?");
    }
}
