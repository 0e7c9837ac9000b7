package io.windbell.survey.response;

import static io.windbell.survey.support.SentInvitations.ANCHOR;
import static io.windbell.survey.support.SentInvitations.OPEN_TEXT;
import static io.windbell.survey.support.SentInvitations.ORDER;
import static io.windbell.survey.support.SentInvitations.RISK;
import static io.windbell.survey.support.SentInvitations.TOUCHPOINT;
import static io.windbell.survey.support.SentInvitations.WHAT_WENT_WRONG;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.windbell.contracts.survey.Answer;
import io.windbell.contracts.survey.QuestionType;
import io.windbell.survey.assembly.AssembledSurvey;
import io.windbell.survey.response.AnswerIssue.Reason;
import io.windbell.survey.response.ResponseValidator.HiddenAnswers;
import io.windbell.survey.response.ResponseValidator.Mode;
import io.windbell.survey.response.ResponseValidator.Outcome;
import io.windbell.survey.support.SentInvitations;

class ResponseValidatorTest {

    private final AssembledSurvey survey = SentInvitations.npsSurvey();
    private final ResponseValidator validator = new ResponseValidator();

    private Outcome submit(AnswerInput... answers) {
        return validator.validate(survey, Arrays.asList(answers), Mode.SUBMIT, HiddenAnswers.REJECT);
    }

    private static AnswerInput score(String id, Integer score) {
        return new AnswerInput(id, score, null, null);
    }

    private static AnswerInput choices(String id, String... choices) {
        return new AnswerInput(id, null, Arrays.asList(choices), null);
    }

    private static AnswerInput text(String id, String text) {
        return new AnswerInput(id, null, null, text);
    }

    @Test
    void aDetractorsFullResponseBecomesContractAnswersInDisplayOrder() {
        Outcome outcome = submit(text(OPEN_TEXT, "  超时了两次 "), choices(WHAT_WENT_WRONG, RISK, ORDER),
                score(TOUCHPOINT, 6), score(ANCHOR, 3));

        assertThat(outcome.valid()).isTrue();
        assertThat(outcome.answers()).containsExactly(new Answer(ANCHOR, QuestionType.NPS, null, 3, null, null),
                new Answer(TOUCHPOINT, QuestionType.CES, RISK, 6, null, null),
                new Answer(WHAT_WENT_WRONG, QuestionType.MULTIPLE_CHOICE, null, null, List.of(RISK, ORDER), null),
                new Answer(OPEN_TEXT, QuestionType.OPEN_TEXT, null, null, null, "超时了两次"));
        assertThat(outcome.score(ANCHOR)).isEqualTo(3);
    }

    @Test
    void theAnchorAloneIsEnough() {
        assertThat(submit(score(ANCHOR, 10)).answers()).extracting(Answer::questionId).containsExactly(ANCHOR);
    }

    @Test
    void theAnchorIsRequired() {
        Outcome outcome = submit(score(TOUCHPOINT, 2));
        assertThat(outcome.issues()).extracting(AnswerIssue::questionId, AnswerIssue::field, AnswerIssue::reason)
                .containsExactly(tuple(ANCHOR, "answers", Reason.REQUIRED));
        assertThat(submit().issues()).extracting(AnswerIssue::reason).containsExactly(Reason.REQUIRED);
    }

    @Test
    void scoresMustBeWithinTheScaleOfTheirQuestion() {
        Outcome outcome = submit(score(ANCHOR, 11), score(TOUCHPOINT, 0));
        assertThat(outcome.issues())
                .extracting(AnswerIssue::field, AnswerIssue::reason, AnswerIssue::min, AnswerIssue::max)
                .containsExactly(tuple("answers[0].score", Reason.SCORE_RANGE, 0, 10),
                        tuple("answers[1].score", Reason.SCORE_RANGE, 1, 7));
        // a missing required score is reported once, on the answer itself
        assertThat(submit(score(ANCHOR, null)).issues()).extracting(AnswerIssue::field, AnswerIssue::reason)
                .containsExactly(tuple("answers[0].score", Reason.SCORE_REQUIRED));
        assertThat(submit(score(ANCHOR, -1)).issues()).extracting(AnswerIssue::reason)
                .containsExactly(Reason.SCORE_RANGE);
    }

    @Test
    void unknownAndDuplicateQuestionsAreRejected() {
        Outcome outcome = submit(score(ANCHOR, 9), score("Q_NOPE", 3), score(ANCHOR, 8), score(null, 1));
        assertThat(outcome.issues()).extracting(AnswerIssue::field, AnswerIssue::reason).containsExactly(
                tuple("answers[1].questionId", Reason.UNKNOWN_QUESTION),
                tuple("answers[2].questionId", Reason.DUPLICATE_ANSWER),
                tuple("answers[3].questionId", Reason.NO_QUESTION));
    }

    @Test
    void choicesMustBeKnownUniqueOptionIds() {
        Outcome outcome = submit(score(ANCHOR, 2), choices(WHAT_WENT_WRONG, RISK, "wealth.nope", RISK));
        assertThat(outcome.issues()).extracting(AnswerIssue::field, AnswerIssue::reason).containsExactly(
                tuple("answers[1].choices[1]", Reason.UNKNOWN_OPTION),
                tuple("answers[1].choices[2]", Reason.DUPLICATE_OPTION));
        assertThat(submit(score(ANCHOR, 2), choices(WHAT_WENT_WRONG)).issues())
                .extracting(AnswerIssue::field, AnswerIssue::reason)
                .containsExactly(tuple("answers[1].choices", Reason.CHOICE_REQUIRED));
    }

    @Test
    void aSingleChoiceTakesExactlyOneKnownOption() {
        AssembledSurvey single = withSingleChoice();
        Outcome one = validator.validate(single, List.of(score(ANCHOR, 8), choices("Q_CHANNEL", "app")), Mode.SUBMIT,
                HiddenAnswers.REJECT);
        assertThat(one.valid()).isTrue();
        assertThat(one.answers().get(1).choices()).containsExactly("app");
        Outcome two = validator.validate(single, List.of(score(ANCHOR, 8), choices("Q_CHANNEL", "app", "branch")),
                Mode.SUBMIT, HiddenAnswers.REJECT);
        assertThat(two.issues()).extracting(AnswerIssue::field, AnswerIssue::reason)
                .containsExactly(tuple("answers[1].choices", Reason.ONE_CHOICE));
        Outcome unknown = validator.validate(single, List.of(score(ANCHOR, 8), choices("Q_CHANNEL", "fax")),
                Mode.SUBMIT, HiddenAnswers.REJECT);
        assertThat(unknown.issues()).extracting(AnswerIssue::field, AnswerIssue::reason)
                .containsExactly(tuple("answers[1].choices[0]", Reason.UNKNOWN_OPTION));
    }

    @Test
    void openTextMustBeNonBlankAndAtMost2000Characters() {
        assertThat(submit(score(ANCHOR, 9), text(OPEN_TEXT, "   ")).issues())
                .extracting(AnswerIssue::field, AnswerIssue::reason)
                .containsExactly(tuple("answers[1].text", Reason.TEXT_REQUIRED));
        assertThat(submit(score(ANCHOR, 9), text(OPEN_TEXT, "好".repeat(2001))).issues()).extracting(AnswerIssue::reason)
                .containsExactly(Reason.TEXT_TOO_LONG);
        // counted in characters, not UTF-16 units: 2000 emoji are fine
        assertThat(submit(score(ANCHOR, 9), text(OPEN_TEXT, "😀".repeat(2000))).valid()).isTrue();
    }

    @Test
    void aValueFieldOfAnotherTypeIsRejected() {
        Outcome outcome = submit(new AnswerInput(ANCHOR, 9, List.of(RISK), "nine"));
        assertThat(outcome.issues()).extracting(AnswerIssue::field, AnswerIssue::reason).containsExactly(
                tuple("answers[0].choices", Reason.NOT_ALLOWED), tuple("answers[0].text", Reason.NOT_ALLOWED));
    }

    @Test
    void theDetractorQuestionMayBeAnsweredOnlyForALowAnchorScore() {
        assertThat(submit(score(ANCHOR, 6), choices(WHAT_WENT_WRONG, RISK)).valid()).isTrue();
        assertThat(submit(score(ANCHOR, 0), choices(WHAT_WENT_WRONG, RISK)).valid()).isTrue();

        Outcome promoter = submit(score(ANCHOR, 7), choices(WHAT_WENT_WRONG, RISK));
        assertThat(promoter.issues()).extracting(AnswerIssue::questionId, AnswerIssue::field, AnswerIssue::reason)
                .containsExactly(tuple(WHAT_WENT_WRONG, "answers[1].questionId", Reason.HIDDEN));
    }

    @Test
    void theFormDropsAnswersToHiddenQuestionsInsteadOfRejectingThem() {
        Outcome outcome = validator.validate(survey, List.of(score(ANCHOR, 9), choices(WHAT_WENT_WRONG, RISK)),
                Mode.SUBMIT, HiddenAnswers.DROP);
        assertThat(outcome.valid()).isTrue();
        assertThat(outcome.answers()).extracting(Answer::questionId).containsExactly(ANCHOR);
        assertThat(outcome.dropped()).containsExactly(WHAT_WENT_WRONG);
    }

    @Test
    void anInvalidAnchorIsReportedWithoutBlamingTheBranchOnIt() {
        Outcome outcome = submit(score(ANCHOR, 12), choices(WHAT_WENT_WRONG, RISK));
        assertThat(outcome.issues()).extracting(AnswerIssue::reason).containsExactly(Reason.SCORE_RANGE);
    }

    @Test
    void aRequiredQuestionBehindAConditionIsRequiredOnlyWhenShown() {
        AssembledSurvey requiredBranch = new AssembledSurvey(survey.surveyCode(), survey.anchorMetric(), survey
                .questions().stream()
                .map(q -> q.questionId().equals(WHAT_WENT_WRONG) ? new io.windbell.survey.assembly.SurveyQuestion(
                        q.questionId(), q.bankQuestionId(), q.bankVersion(), q.type(), q.purpose(), q.touchpointCode(),
                        q.text(), q.options(), q.min(), q.max(), true, q.showIf(), q.reason()) : q)
                .toList(), survey.reasons(), survey.excluded());
        assertThat(validator.validate(requiredBranch, List.of(score(ANCHOR, 9)), Mode.SUBMIT, HiddenAnswers.REJECT)
                .valid()).isTrue();
        assertThat(validator.validate(requiredBranch, List.of(score(ANCHOR, 4)), Mode.SUBMIT, HiddenAnswers.REJECT)
                .issues()).extracting(AnswerIssue::questionId, AnswerIssue::reason)
                        .containsExactly(tuple(WHAT_WENT_WRONG, Reason.REQUIRED));
    }

    @Test
    void draftsCheckTypesAndRangesButNotRequiredOrBranching() {
        Outcome partial = validator.validate(survey,
                List.of(score(TOUCHPOINT, 3), choices(WHAT_WENT_WRONG, ORDER), text(OPEN_TEXT, " ")), Mode.DRAFT,
                HiddenAnswers.REJECT);
        assertThat(partial.valid()).isTrue();
        assertThat(partial.answers()).extracting(Answer::questionId).containsExactly(TOUCHPOINT, WHAT_WENT_WRONG);

        Outcome wrong = validator.validate(survey, List.of(score(ANCHOR, 42), choices(WHAT_WENT_WRONG, "x")),
                Mode.DRAFT, HiddenAnswers.REJECT);
        assertThat(wrong.issues()).extracting(AnswerIssue::field).containsExactly("answers[0].score",
                "answers[1].choices[0]");
    }

    @Test
    void violationsNameTheFieldForTheApi() {
        AnswerIssue issue = submit(score(ANCHOR, 3), score(TOUCHPOINT, 9)).issues().getFirst();
        assertThat(issue.violation().field()).isEqualTo("answers[1].score");
        assertThat(issue.violation().message()).isEqualTo("must be between 1 and 7");
    }

    private AssembledSurvey withSingleChoice() {
        var channel = new io.windbell.survey.assembly.SurveyQuestion("Q_CHANNEL", "Q_CHANNEL", 1,
                QuestionType.SINGLE_CHOICE, io.windbell.survey.bank.Question.Purpose.JOURNEY, null,
                java.util.Map.of("en", "Which channel?", "zh-CN", "哪个渠道？"),
                List.of(new io.windbell.survey.assembly.SurveyQuestion.Choice("app", java.util.Map.of("en", "App")),
                        new io.windbell.survey.assembly.SurveyQuestion.Choice("branch",
                                java.util.Map.of("en", "Branch"))),
                null, null, false, null, null);
        return new AssembledSurvey(survey.surveyCode(), survey.anchorMetric(), List.of(survey.anchor(), channel),
                survey.reasons(), survey.excluded());
    }
}
