package io.windbell.survey.names;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.windbell.platform.problem.Violation;

class NamesValidatorTest {

    @Test
    void bothLocalesAreRequired() {
        assertThat(
                NamesValidator.validate(Names.Kind.PRODUCT, "WM-CASH-001", Map.of("zh-CN", "天天宝", "en", "Daily cash")))
                        .isEmpty();
        assertThat(NamesValidator.validate(Names.Kind.TOUCHPOINT, "wealth.risk_assessment",
                Map.of("zh-CN", "风险测评", "en", "Risk"))).isEmpty();
        assertThat(NamesValidator.validate(Names.Kind.BRANCH, "B001", Map.of("zh-CN", "支行")))
                .extracting(Violation::field).containsExactly("names.en");
        assertThat(NamesValidator.validate(Names.Kind.BRANCH, "B001",
                Map.of("zh-CN", " ", "en", "x".repeat(121), "de", "Filiale"))).extracting(Violation::field)
                        .containsExactly("names.zh-CN", "names.en", "names.de");
        assertThat(NamesValidator.validate(Names.Kind.BRANCH, "B 001", Map.of("zh-CN", "支行", "en", "{branch}")))
                .extracting(Violation::field).containsExactly("code", "names.en");
        assertThat(NamesValidator.validate(Names.Kind.BRANCH, "B001", null)).extracting(Violation::field)
                .containsExactly("names");
    }

    /** Before Identifiers, one loose pattern fitted every kind; now each kind checks its own rule. */
    @Test
    void theCodeFollowsTheRuleOfItsKind() {
        Map<String, String> names = Map.of("zh-CN", "名", "en", "name");
        assertThat(NamesValidator.validate(Names.Kind.JOURNEY, "WEALTH_PURCHASE", names)).isEmpty();
        assertThat(NamesValidator.validate(Names.Kind.JOURNEY, "wealth.purchase", names)).extracting(Violation::field)
                .containsExactly("code");
        assertThat(NamesValidator.validate(Names.Kind.TOUCHPOINT, "WEALTH_PURCHASE", names))
                .extracting(Violation::field).containsExactly("code");
        assertThat(NamesValidator.validate(Names.Kind.EMPLOYEE, "E100482", names)).isEmpty();
        assertThat(NamesValidator.validate(Names.Kind.EMPLOYEE, "li.na@bank.example", names))
                .extracting(Violation::field).containsExactly("code");
        assertThat(NamesValidator.validate(Names.Kind.PRODUCT, "WM-" + "9".repeat(61), names)).isEmpty();
        assertThat(NamesValidator.validate(Names.Kind.PRODUCT, "WM-" + "9".repeat(62), names))
                .extracting(Violation::field).containsExactly("code");
    }

    @Test
    void displayNamesAnswerOnlyTheLocaleAskedFor() {
        DisplayNames names = new DisplayNames.Builder().put(Names.Kind.BRANCH, "B001", "zh-CN", "上海陆家嘴支行")
                .put(Names.Kind.BRANCH, "B001", "en", "Shanghai Lujiazui sub-branch").build();
        assertThat(names.name(Names.Kind.BRANCH, "B001", "en")).contains("Shanghai Lujiazui sub-branch");
        assertThat(names.name(Names.Kind.BRANCH, "B001", "zh-CN")).contains("上海陆家嘴支行");
        assertThat(names.name(Names.Kind.BRANCH, "B001", "fr")).isEmpty();
        assertThat(names.name(Names.Kind.EMPLOYEE, "B001", "en")).isEmpty();
        assertThat(names.name(Names.Kind.BRANCH, null, "en")).isEmpty();
        assertThat(names.size()).isEqualTo(1);
    }
}
