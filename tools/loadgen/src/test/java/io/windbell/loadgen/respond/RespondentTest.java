package io.windbell.loadgen.respond;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import io.windbell.contracts.survey.InvitationReason;
import io.windbell.contracts.survey.QuestionType;

/** Answers are valid for their question's type, follow the branching, and turn worse after a broken journey. */
class RespondentTest {

    private static final List<SurveyForm.Option> REASONS = List.of(new SurveyForm.Option("slow", "Too slow"),
            new SurveyForm.Option("error", "An error"), new SurveyForm.Option("unclear", "Unclear steps"),
            new SurveyForm.Option("staff", "Staff"), new SurveyForm.Option("other", "Other"));

    /** An NPS survey like the service assembles: anchor, touchpoint ratings, a detractor branch, comments. */
    static SurveyForm npsSurvey() {
        return new SurveyForm("0b7c", "WEALTH_PURCHASE_NPS", "zh-CN", List.of("zh-CN", "en"), "NPS",
                "2030-01-01T00:00:00Z", "PENDING",
                List.of(question("nps", "NPS", List.of(), null, null, true, null),
                        question("ra-csat", "CSAT", List.of(), null, null, false, null),
                        question("ra-ces", "CES", List.of(), null, null, false, null),
                        question("branch", "RATING", List.of(), 1, 10, false, null),
                        question("channel", "SINGLE_CHOICE",
                                List.of(new SurveyForm.Option("app", "App"), new SurveyForm.Option("web", "Web")), null,
                                null, true, null),
                        question("why", "MULTIPLE_CHOICE", REASONS, 1, 2, true, new SurveyForm.ShowIf("nps", 0, 6)),
                        question("praise", "OPEN_TEXT", List.of(), null, null, false,
                                new SurveyForm.ShowIf("nps", 9, null)),
                        question("future", "SLIDER", List.of(), null, null, true, null),
                        question("comment", "OPEN_TEXT", List.of(), null, null, false, null)));
    }

    static SurveyForm.Question question(String id, String type, List<SurveyForm.Option> options, Integer min,
            Integer max, boolean required, SurveyForm.ShowIf showIf) {
        return new SurveyForm.Question(id, type, "text of " + id, options, min, max, required, showIf);
    }

    @Test
    void everyAnswerIsValidForItsQuestion() {
        SurveyForm form = npsSurvey();
        Map<String, SurveyForm.Question> questions = form.questions().stream()
                .collect(Collectors.toMap(SurveyForm.Question::id, Function.identity()));
        for (long seed = 0; seed < 2_000; seed++) {
            Submission s = Respondent.answer(form, "zh-CN", seed % 2 == 0, new SplittableRandom(seed)).submission();
            assertThat(s.locale()).isEqualTo("zh-CN");
            assertThat(s.answers()).extracting(Submission.Value::questionId).doesNotHaveDuplicates();
            for (Submission.Value a : s.answers()) {
                SurveyForm.Question q = questions.get(a.questionId());
                QuestionType type = QuestionType.valueOf(q.type());
                int set = (a.score() != null ? 1 : 0) + (a.choices() != null ? 1 : 0) + (a.text() != null ? 1 : 0);
                assertThat(set).as("one value field in %s", a).isEqualTo(1);
                switch (type) {
                case NPS -> assertThat(a.score()).isBetween(0, 10);
                case CSAT -> assertThat(a.score()).isBetween(1, 5);
                case CES -> assertThat(a.score()).isBetween(1, 7);
                case RATING -> assertThat(a.score()).isBetween(q.min(), q.max());
                case SINGLE_CHOICE -> assertThat(a.choices()).hasSize(1).isSubsetOf(ids(q));
                case MULTIPLE_CHOICE -> assertThat(a.choices()).hasSizeBetween(q.min(), q.max()).doesNotHaveDuplicates()
                        .isSubsetOf(ids(q));
                case OPEN_TEXT -> assertThat(a.text()).isNotBlank().hasSizeLessThan(200);
                }
            }
            // the anchor and every required question that is shown is answered; an unknown type never
            assertThat(s.answer("nps")).isNotNull();
            assertThat(s.answer("channel")).isNotNull();
            assertThat(s.answer("future")).isNull();
            // answers come in display order
            List<String> order = form.questions().stream().map(SurveyForm.Question::id).toList();
            assertThat(s.answers()).extracting(a -> order.indexOf(a.questionId())).isSorted();
        }
    }

    @Test
    void branchingFollowsTheAnchorScore() {
        SurveyForm form = npsSurvey();
        var seen = new HashSet<String>();
        for (long seed = 0; seed < 2_000; seed++) {
            Submission s = Respondent.answer(form, "zh-CN", seed % 3 == 0, new SplittableRandom(seed)).submission();
            int nps = s.answer("nps").score();
            // required and shown exactly for detractors
            assertThat(s.answer("why") != null).as("detractor question at NPS %d", nps).isEqualTo(nps <= 6);
            if (nps < 9) {
                assertThat(s.answer("praise")).as("promoter question at NPS %d", nps).isNull();
            }
            if (s.answer("why") != null) {
                seen.add("why");
            }
            if (s.answer("praise") != null) {
                seen.add("praise");
            }
        }
        assertThat(seen).containsExactlyInAnyOrder("why", "praise");
    }

    @Test
    void aQuestionBranchingOnAnUnansweredQuestionIsNotShown() {
        SurveyForm form = new SurveyForm("1", "S", "en", List.of(), "CSAT", null, "PENDING", List.of(
                question("csat", "CSAT", List.of(), null, null, true, null),
                question("orphan", "OPEN_TEXT", List.of(), null, null, true,
                        new SurveyForm.ShowIf("missing", null, null)),
                question("low", "OPEN_TEXT", List.of(), null, null, true, new SurveyForm.ShowIf("csat", 1, 2))));
        for (long seed = 0; seed < 500; seed++) {
            Submission s = Respondent.answer(form, "en", true, new SplittableRandom(seed)).submission();
            assertThat(s.answer("orphan")).isNull();
            assertThat(s.answer("low") != null).isEqualTo(s.answer("csat").score() <= 2);
        }
    }

    @Test
    void detractorsAreMoreLikelyAfterAnInterruptionOrAFailure() {
        SurveyForm form = npsSurvey();
        double smooth = detractorShare(form, false);
        double troubled = detractorShare(form, true);
        assertThat(smooth).isBetween(0.12, 0.30);
        assertThat(troubled).isGreaterThan(0.5).isGreaterThan(smooth + 0.25);
    }

    @Test
    void cesIsHighWhenTheJourneyWasHard() {
        SurveyForm form = new SurveyForm("1", "S", "en", List.of(), "CES", null, "PENDING",
                List.of(question("ces", "CES", List.of(), null, null, true, null)));
        double smooth = 0;
        double troubled = 0;
        for (long seed = 0; seed < 2_000; seed++) {
            smooth += Respondent.answer(form, "en", false, new SplittableRandom(seed)).submission().answer("ces")
                    .score();
            troubled += Respondent.answer(form, "en", true, new SplittableRandom(seed)).submission().answer("ces")
                    .score();
        }
        assertThat(troubled / 2_000).isGreaterThan(smooth / 2_000 + 1.0);
    }

    @Test
    void troubleComesFromTheInvitationReasons() {
        assertThat(Respondent.troubled(List.of(reason(InvitationReason.Code.JOURNEY_COMPLETED),
                reason(InvitationReason.Code.TOUCHPOINT_VISITED)))).isFalse();
        assertThat(Respondent.troubled(List.of(reason(InvitationReason.Code.JOURNEY_INTERRUPTED)))).isTrue();
        assertThat(Respondent.troubled(List.of(reason(InvitationReason.Code.JOURNEY_COMPLETED),
                reason(InvitationReason.Code.TOUCHPOINT_FAILED)))).isTrue();
        assertThat(Respondent.troubled(null)).isFalse();
    }

    @Test
    void commentsAreInTheInvitationsLanguageWhenTheSurveyHasIt() {
        SurveyForm form = new SurveyForm("1", "S", "en", List.of("zh-CN", "zh-HK", "en"), "NPS", null, "PENDING",
                List.of(question("nps", "NPS", List.of(), null, null, true, null),
                        question("comment", "OPEN_TEXT", List.of(), null, null, true, null)));
        assertThat(comment(form, "zh-CN")).matches(".*\\p{IsHan}.*").doesNotContain("風險", "驗證");
        assertThat(Respondent.answer(form, "zh-HK", false, new SplittableRandom(1)).submission().locale())
                .isEqualTo("zh-HK");
        assertThat(comment(form, "en")).matches("[\\p{ASCII}]+");
        // not offered: the survey's own language
        assertThat(Respondent.answer(form, "fr-FR", false, new SplittableRandom(1)).submission().locale())
                .isEqualTo("en");
        assertThat(comment(form, "fr-FR")).matches("[\\p{ASCII}]+");
        assertThat(OpenText.script("zh-HK")).isEqualTo("zh-Hant");
        assertThat(OpenText.script("zh-Hant-CN")).isEqualTo("zh-Hant");
        assertThat(OpenText.script("zh-CN")).isEqualTo("zh-Hans");
        assertThat(OpenText.script(null)).isEqualTo("en");
    }

    @Test
    void theSameSeedGivesTheSameAnswers() {
        SurveyForm form = npsSurvey();
        byte[] first = Respondent.answer(form, "en", true, new SplittableRandom(42)).submission().toJson();
        byte[] second = Respondent.answer(form, "en", true, new SplittableRandom(42)).submission().toJson();
        assertThat(new String(first, StandardCharsets.UTF_8)).isEqualTo(new String(second, StandardCharsets.UTF_8))
                .contains("\"locale\":\"en\"").doesNotContain("null");
    }

    @Test
    void theFormIsReadFromTheApiShape() throws Exception {
        String json = """
                {"invitationId":"5f0c","surveyCode":"WEALTH_PURCHASE_NPS","locale":"zh-CN","locales":["zh-CN","en"],
                 "anchorMetric":"NPS","expiresAt":"2030-01-01T00:00:00Z","status":"PENDING","draft":null,
                 "questions":[
                   {"id":"q1","type":"NPS","text":"推荐?","options":[],"min":0,"max":10,"required":true,"showIf":null},
                   {"id":"q2","type":"MULTIPLE_CHOICE","text":"为什么?","options":[{"id":"o1","label":"慢"}],
                    "min":null,"max":null,"required":true,"showIf":{"questionId":"q1","min":0,"max":6},"extra":1}]}
                """;
        SurveyForm form = SurveyForm.parse(json.getBytes(StandardCharsets.UTF_8));
        assertThat(form.questions()).hasSize(2);
        assertThat(form.questions().get(1).showIf()).isEqualTo(new SurveyForm.ShowIf("q1", 0, 6));
        assertThat(Respondent.anchorQuestionId(form)).isEqualTo("q1");
    }

    private static double detractorShare(SurveyForm form, boolean troubled) {
        int detractors = 0;
        for (long seed = 0; seed < 4_000; seed++) {
            int nps = Respondent.answer(form, "en", troubled, new SplittableRandom(seed)).submission().answer("nps")
                    .score();
            detractors += nps <= 6 ? 1 : 0;
        }
        return detractors / 4_000.0;
    }

    private static String comment(SurveyForm form, String locale) {
        return Respondent.answer(form, locale, false, new SplittableRandom(3)).submission().answer("comment").text();
    }

    private static List<String> ids(SurveyForm.Question q) {
        return q.options().stream().map(SurveyForm.Option::id).toList();
    }

    private static InvitationReason reason(InvitationReason.Code code) {
        return new InvitationReason(code, null, null, null);
    }
}
