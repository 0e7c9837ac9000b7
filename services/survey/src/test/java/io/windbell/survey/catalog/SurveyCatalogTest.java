package io.windbell.survey.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.windbell.config.VersionedStore;
import io.windbell.contracts.journey.InterruptionReason;
import io.windbell.contracts.survey.AnchorMetric;
import io.windbell.contracts.survey.QuestionType;
import io.windbell.survey.bank.Question;
import io.windbell.survey.bank.Question.Purpose;
import io.windbell.survey.bank.QuestionSpec;
import io.windbell.survey.bank.QuestionValidator;
import io.windbell.survey.names.Names;
import io.windbell.survey.rule.RuleSpec;
import io.windbell.survey.rule.RuleValidator;
import io.windbell.survey.rule.SurveyRule;
import io.windbell.survey.support.SurveyTestResource;

@QuarkusTest
@QuarkusTestResource(value = SurveyTestResource.class, restrictToAnnotatedClass = true)
class SurveyCatalogTest {

    static final List<String> SEEDED_RULES_IN_ORDER = List.of("LOAN_INTERRUPTED", "TRANSFER_FAILED",
            "WEALTH_INTERRUPTED", "LOAN_COMPLETED", "WEALTH_COMPLETED", "ACCOUNT_OPENING_COMPLETED", "ANY_INTERRUPTED");

    @Inject
    SurveyCatalog catalog;

    @Inject
    VersionedStore<Question> questions;

    @Inject
    VersionedStore<SurveyRule> rules;

    @Inject
    DataSource dataSource;

    @Test
    void everySeededQuestionIsValidAndStoredExactlyAsTheRepositoryWritesIt() throws Exception {
        Map<String, String> specs = seeded("question", "id");
        assertThat(specs).hasSizeGreaterThanOrEqualTo(30);
        for (Map.Entry<String, String> seeded : specs.entrySet()) {
            Question q = questions.versions(seeded.getKey()).getFirst().value();
            assertThat(QuestionValidator.validate(q)).as(q.id()).isEmpty();
            assertThat(fieldNames(VersionedStore.JSON.readTree(seeded.getValue()))).as(q.id()).isSubsetOf("type",
                    "purpose", "text", "zh-CN", "en", "options", "id", "label", "scaleMin", "scaleMax", "tags",
                    "journeys", "phases", "touchpoints", "factors", "channels", "answeredByBehaviour");
            String written = VersionedStore.JSON.writeValueAsString(QuestionSpec.toSpec(q));
            assertThat(
                    QuestionSpec.fromSpec(q.id(), 1, true, VersionedStore.JSON.readValue(written, QuestionSpec.class)))
                            .isEqualTo(q);
        }

        List<Question> bank = catalog.questions();
        assertThat(bank).filteredOn(q -> q.purpose() == Purpose.ANCHOR && q.tags().journeys().isEmpty())
                .extracting(Question::type)
                .containsExactlyInAnyOrder(QuestionType.NPS, QuestionType.CSAT, QuestionType.CES);
        assertThat(bank).filteredOn(q -> q.purpose() == Purpose.ANCHOR).flatExtracting(q -> q.tags().journeys())
                .contains("WEALTH_PURCHASE", "LOAN_APPLICATION");
        assertThat(bank).filteredOn(q -> q.purpose() == Purpose.TOUCHPOINT && q.tags().touchpoints().isEmpty())
                .singleElement().satisfies(q -> {
                    assertThat(q.type()).isEqualTo(QuestionType.RATING);
                    assertThat(q.text().get("en")).isEqualTo("How easy was the step “{touchpoint}”?");
                });
        assertThat(bank).filteredOn(q -> q.purpose() == Purpose.TOUCHPOINT && !q.tags().touchpoints().isEmpty())
                .hasSizeGreaterThanOrEqualTo(12).extracting(Question::type)
                .contains(QuestionType.CSAT, QuestionType.CES, QuestionType.RATING, QuestionType.SINGLE_CHOICE);
        assertThat(bank).filteredOn(q -> q.purpose() == Purpose.TOUCHPOINT).flatExtracting(q -> q.tags().touchpoints())
                .contains("wealth.risk_assessment", "wealth.order_submit", "wealth.payment_confirm",
                        "loan.document_upload", "loan.credit_check", "account.face_verify", "card.identity_verify",
                        "transfer.otp_verify");
        assertThat(bank).filteredOn(q -> q.purpose() == Purpose.FOLLOW_UP).extracting(Question::type)
                .contains(QuestionType.NPS, QuestionType.CSAT);
        assertThat(bank).filteredOn(q -> q.purpose() == Purpose.WHAT_WENT_WRONG).singleElement()
                .satisfies(q -> assertThat(q.options()).isEmpty());
        assertThat(bank).filteredOn(q -> "JOURNEY_OUTCOME".equals(q.answeredByBehaviour())).singleElement()
                .satisfies(q -> assertThat(q.text().get("en")).isEqualTo("Did you complete your purchase?"));
        assertThat(bank).anySatisfy(q -> {
            assertThat(q.purpose()).isEqualTo(Purpose.BRANCH);
            assertThat(q.text().get("en")).contains("{branch}");
        });
        assertThat(bank).anySatisfy(q -> {
            assertThat(q.purpose()).isEqualTo(Purpose.EMPLOYEE);
            assertThat(q.text().get("zh-CN")).contains("{employee}");
        });
        assertThat(bank).extracting(Question::id).isSorted();
    }

    @Test
    void everySeededRuleIsValidAndTheCatalogOrdersRulesByPriorityThenCode() throws Exception {
        Map<String, String> specs = seeded("survey_rule", "code");
        assertThat(specs.keySet()).containsExactlyInAnyOrderElementsOf(SEEDED_RULES_IN_ORDER);
        for (String code : specs.keySet()) {
            SurveyRule r = rules.versions(code).getFirst().value();
            assertThat(RuleValidator.validate(r)).as(code).isEmpty();
            String written = VersionedStore.JSON.writeValueAsString(RuleSpec.toSpec(r));
            assertThat(RuleSpec.fromSpec(code, 1, true, VersionedStore.JSON.readValue(written, RuleSpec.class)))
                    .isEqualTo(r);
        }

        List<SurveyRule> active = catalog.rules();
        assertThat(active).isSortedAccordingTo(
                Comparator.comparingInt(SurveyRule::priority).reversed().thenComparing(SurveyRule::code));
        assertThat(active).extracting(SurveyRule::code).filteredOn(SEEDED_RULES_IN_ORDER::contains)
                .containsExactlyElementsOf(SEEDED_RULES_IN_ORDER);

        SurveyRule wealth = active.stream().filter(r -> r.code().equals("WEALTH_INTERRUPTED")).findFirst()
                .orElseThrow();
        assertThat(wealth.trigger()).isEqualTo(SurveyRule.Trigger.JOURNEY_INTERRUPTED);
        assertThat(wealth.filter().journeys()).containsExactly("WEALTH_PURCHASE");
        assertThat(wealth.samplingRate()).isEqualTo(1.0);
        assertThat(wealth.delay()).isEqualTo(Duration.ofMinutes(10));
        assertThat(wealth.expiry()).isEqualTo(new SurveyRule.Expiry(Duration.ofDays(3), null, true, true));
        assertThat(wealth.maxQuestions()).isEqualTo(3);
        assertThat(wealth.anchorMetric()).isEqualTo(AnchorMetric.CES);
        assertThat(wealth.priority()).isEqualTo(100);
        assertThat(catalog.rule("TRANSFER_FAILED", 1))
                .hasValueSatisfying(r -> assertThat(r.filter().reasons()).containsExactly(InterruptionReason.FAILURE));
        SurveyRule fallback = active.getLast();
        assertThat(fallback.filter()).isEqualTo(SurveyRule.Filter.ANY);
        assertThat(catalog.rule("NO_SUCH_RULE", 1)).isEmpty();
    }

    @Test
    void displayNamesCoverTheDemoCatalog() throws Exception {
        Names names = catalog.names();
        assertThat(names.name(Names.Kind.JOURNEY, "LOAN_APPLICATION", "zh-CN")).contains("个人贷款申请");
        assertThat(names.name(Names.Kind.TOUCHPOINT, "transfer.otp_verify", "en")).contains("SMS one-time password");
        assertThat(names.name(Names.Kind.PRODUCT, "WM-FIXED-6M", "en")).contains("Steady 6-month wealth plan");
        assertThat(names.name(Names.Kind.BRANCH, "B020", "zh-CN")).isPresent();
        assertThat(names.name(Names.Kind.EMPLOYEE, "E0200", "en")).isPresent();
        assertThat(names.name(Names.Kind.EMPLOYEE, "E0801", "zh-CN")).isPresent();
        assertThat(names.name(Names.Kind.EMPLOYEE, "E0500", "zh-CN")).isEmpty();

        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT kind, count(DISTINCT code), count(*) FROM display_name"
                        + " WHERE kind IN ('JOURNEY', 'TOUCHPOINT', 'EMPLOYEE') GROUP BY kind ORDER BY kind")) {
            Map<String, long[]> counts = new HashMap<>();
            while (rs.next()) {
                counts.put(rs.getString(1), new long[] { rs.getLong(2), rs.getLong(3) });
            }
            assertThat(counts.get("JOURNEY")).containsExactly(7, 14);
            assertThat(counts.get("TOUCHPOINT")).containsExactly(47, 94);
            assertThat(counts.get("EMPLOYEE")).containsExactly(250, 500);
        }
    }

    @Test
    void aChangeMadeByAnotherReplicaArrivesWithTheNextRefresh() throws Exception {
        String id = "Q_TEST_OTHER_REPLICA";
        assertThat(catalog.questions()).noneMatch(q -> q.id().equals(id));
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement()) {
            st.executeUpdate("INSERT INTO question (id, version, active, spec, created_by) VALUES ('" + id
                    + "', 1, true, '{\"type\": \"OPEN_TEXT\", \"purpose\": \"OPEN_TEXT\", \"text\": {\"zh-CN\": \"说说看\","
                    + " \"en\": \"Tell us\"}, \"futureField\": 1}', 'other-replica')");
        }
        catalog.refresh();
        assertThat(catalog.questions()).filteredOn(q -> q.id().equals(id)).singleElement().satisfies(q -> {
            assertThat(q.options()).isEmpty();
            assertThat(q.tags()).isEqualTo(Question.Tags.NONE);
            assertThat(q.active()).isTrue();
        });
        questions.retire(id, "test");
        catalog.refresh();
        assertThat(catalog.questions()).noneMatch(q -> q.id().equals(id));
        assertThat(catalog.question(id, 1)).isPresent();
        assertThat(catalog.question(id, 2)).hasValueSatisfying(q -> assertThat(q.active()).isFalse());
    }

    private Map<String, String> seeded(String table, String key) throws Exception {
        Map<String, String> specs = new HashMap<>();
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT " + key + ", spec::text FROM " + table
                        + " WHERE version = 1 AND created_by = 'seed'")) {
            while (rs.next()) {
                specs.put(rs.getString(1), rs.getString(2));
            }
        }
        return specs;
    }

    private static Set<String> fieldNames(JsonNode node) {
        Set<String> names = new TreeSet<>();
        if (node.isObject()) {
            for (Map.Entry<String, JsonNode> field : node.properties()) {
                names.add(field.getKey());
                names.addAll(fieldNames(field.getValue()));
            }
        } else if (node.isArray()) {
            node.forEach(element -> names.addAll(fieldNames(element)));
        }
        return names;
    }
}
