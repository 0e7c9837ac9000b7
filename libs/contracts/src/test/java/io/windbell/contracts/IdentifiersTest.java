package io.windbell.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.function.Predicate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The boundary cases of each identifier and code rule. */
class IdentifiersTest {

    private static final List<Predicate<String>> IDS = List.of(Identifiers::isCustomerId, Identifiers::isAnonymousId,
            Identifiers::isBranchId, Identifiers::isEmployeeId, Identifiers::isProductId);
    private static final List<Predicate<String>> SHORT_CODES = List.of(Identifiers::isPhaseCode,
            Identifiers::isChannelCode, Identifiers::isFactorCode);
    private static final List<Predicate<String>> CATALOG_CODES = List.of(Identifiers::isSurveyCode,
            Identifiers::isQuestionId);

    @ParameterizedTest
    @ValueSource(strings = { "C0755003318207", "C", "7", "cust-01", "cust_01", "cust.01", "bank:C0001", "a-" })
    void customerIdsAsBanksIssueThem(String id) {
        assertThat(Identifiers.isCustomerId(id)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = { "", " ", "-C1", "_C1", ".C1", "C 1", "C1/2", "C1;drop", "C1?x=1", "C1#", "C1%20", "客户1",
            "C1\n", "C1\t" })
    void customerIdsRejectWhatBreaksUrlsKeysAndLogs(String id) {
        assertThat(Identifiers.isCustomerId(id)).isFalse();
    }

    @Test
    void noIdAcceptsAnAtSignSoNoEmailAddressBecomesAnId() {
        for (Predicate<String> rule : IDS) {
            assertThat(rule.test("zhang.wei@example.com")).isFalse();
            assertThat(rule.test("C1@")).isFalse();
            assertThat(rule.test("zhang.wei.example.com")).isTrue();
        }
    }

    @Test
    void idsAreAtMost64Characters() {
        String max = "C" + "0".repeat(63);
        for (Predicate<String> rule : IDS) {
            assertThat(rule.test(max)).isTrue();
            assertThat(rule.test(max + "0")).isFalse();
            assertThat(rule.test(null)).isFalse();
        }
        assertThat(Identifiers.CUSTOMER_ID_MAX).isEqualTo(max.length());
    }

    @Test
    void realIdsFromTheExamplesAndTheSimulator() {
        assertThat(Identifiers.isAnonymousId("dev-5b0e2c7a9d41f3e8")).isTrue();
        assertThat(Identifiers.isBranchId("B0755012")).isTrue();
        assertThat(Identifiers.isEmployeeId("E100482")).isTrue();
        assertThat(Identifiers.isProductId("WM-FH-180D")).isTrue();
    }

    @Test
    void journeyCodesAreUpperSnakeCaseOf2To48Characters() {
        assertThat(Identifiers.isJourneyCode("WEALTH_PURCHASE")).isTrue();
        assertThat(Identifiers.isJourneyCode("AB")).isTrue();
        assertThat(Identifiers.isJourneyCode("A")).isFalse();
        assertThat(Identifiers.isJourneyCode("W" + "X".repeat(47))).isTrue();
        assertThat(Identifiers.isJourneyCode("W" + "X".repeat(48))).isFalse();
        assertThat(Identifiers.isJourneyCode("wealth_purchase")).isFalse();
        assertThat(Identifiers.isJourneyCode("1WEALTH")).isFalse();
        assertThat(Identifiers.isJourneyCode("_WEALTH")).isFalse();
        assertThat(Identifiers.isJourneyCode("WEALTH-PURCHASE")).isFalse();
        assertThat(Identifiers.isJourneyCode("WEALTH PURCHASE")).isFalse();
    }

    @Test
    void touchpointCodesAreDottedLowerCaseWithoutEmptySegments() {
        assertThat(Identifiers.isTouchpointCode("wealth.risk_assessment")).isTrue();
        assertThat(Identifiers.isTouchpointCode("a.b")).isTrue();
        assertThat(Identifiers.isTouchpointCode("card.v2.activation_start")).isTrue();
        assertThat(Identifiers.isTouchpointCode("wealth")).isFalse();
        assertThat(Identifiers.isTouchpointCode("wealth.")).isFalse();
        assertThat(Identifiers.isTouchpointCode("wealth..risk")).isFalse();
        assertThat(Identifiers.isTouchpointCode(".wealth.risk")).isFalse();
        assertThat(Identifiers.isTouchpointCode("1wealth.risk")).isFalse();
        assertThat(Identifiers.isTouchpointCode("Wealth.risk")).isFalse();
        assertThat(Identifiers.isTouchpointCode("RISK_ASSESSMENT_SUBMIT")).isFalse();
        assertThat(Identifiers.isTouchpointCode("wealth.risk-assessment")).isFalse();
        String max = "w." + "r".repeat(62);
        assertThat(Identifiers.isTouchpointCode(max)).isTrue();
        assertThat(Identifiers.isTouchpointCode(max + "r")).isFalse();
        assertThat(Identifiers.TOUCHPOINT_CODE.matcher(max + "r").matches())
                .as("the length limit is not in the regex, hence isTouchpointCode and maxLength").isTrue();
    }

    @Test
    void phaseChannelAndFactorCodesAreShortUpperSnakeCase() {
        for (Predicate<String> rule : SHORT_CODES) {
            assertThat(rule.test("MOBILE_APP")).isTrue();
            assertThat(rule.test("ATM2")).isTrue();
            assertThat(rule.test("AB")).isTrue();
            assertThat(rule.test("A")).isFalse();
            assertThat(rule.test("A" + "B".repeat(31))).isTrue();
            assertThat(rule.test("A" + "B".repeat(32))).isFalse();
            assertThat(rule.test("mobile_app")).isFalse();
            assertThat(rule.test("MOBILE-APP")).isFalse();
        }
    }

    @Test
    void surveyCodesAndQuestionIdsAreUpperSnakeCaseOf3To64Characters() {
        for (Predicate<String> rule : CATALOG_CODES) {
            assertThat(rule.test("Q_NPS_WEALTH")).isTrue();
            assertThat(rule.test("ABC")).isTrue();
            assertThat(rule.test("AB")).isFalse();
            assertThat(rule.test("A" + "B".repeat(63))).isTrue();
            assertThat(rule.test("A" + "B".repeat(64))).isFalse();
            assertThat(rule.test("q-nps-001")).isFalse();
            assertThat(rule.test("Q_TP@wealth.order_submit")).isFalse();
        }
    }

    @Test
    void regexesAreAnchoredSoJsonSchemaSearchMeansTheSameAsJavaMatches() {
        for (String regex : new String[] { Identifiers.CUSTOMER_ID_REGEX, Identifiers.ANONYMOUS_ID_REGEX,
                Identifiers.BRANCH_ID_REGEX, Identifiers.EMPLOYEE_ID_REGEX, Identifiers.PRODUCT_ID_REGEX,
                Identifiers.JOURNEY_CODE_REGEX, Identifiers.TOUCHPOINT_CODE_REGEX, Identifiers.PHASE_CODE_REGEX,
                Identifiers.CHANNEL_CODE_REGEX, Identifiers.FACTOR_CODE_REGEX, Identifiers.SURVEY_CODE_REGEX,
                Identifiers.QUESTION_ID_REGEX }) {
            assertThat(regex).startsWith("^").endsWith("$");
        }
    }
}
