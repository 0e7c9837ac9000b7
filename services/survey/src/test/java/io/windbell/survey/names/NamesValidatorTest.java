package io.windbell.survey.names;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.windbell.platform.problem.Violation;

class NamesValidatorTest {

    @Test
    void bothLocalesAreRequired() {
        assertThat(NamesValidator.validate("WM-CASH-001", Map.of("zh-CN", "天天宝", "en", "Daily cash"))).isEmpty();
        assertThat(NamesValidator.validate("wealth.risk_assessment", Map.of("zh-CN", "风险测评", "en", "Risk"))).isEmpty();
        assertThat(NamesValidator.validate("B001", Map.of("zh-CN", "支行"))).extracting(Violation::field)
                .containsExactly("names.en");
        assertThat(NamesValidator.validate("B001", Map.of("zh-CN", " ", "en", "x".repeat(121), "de", "Filiale")))
                .extracting(Violation::field).containsExactly("names.zh-CN", "names.en", "names.de");
        assertThat(NamesValidator.validate("B 001", Map.of("zh-CN", "支行", "en", "{branch}")))
                .extracting(Violation::field).containsExactly("code", "names.en");
        assertThat(NamesValidator.validate("B001", null)).extracting(Violation::field).containsExactly("names");
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
