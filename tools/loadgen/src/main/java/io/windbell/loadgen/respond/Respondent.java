package io.windbell.loadgen.respond;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.random.RandomGenerator;

import io.windbell.contracts.survey.AnchorMetric;
import io.windbell.contracts.survey.InvitationReason;
import io.windbell.contracts.survey.QuestionType;

/**
 * Fills in one survey the way a simulated customer would: draws how they feel (worse after an interrupted journey or a
 * failed touchpoint), answers the anchor question from that, the other scales in line with it, picks options, follows
 * the survey's branching ({@code showIf}) and sometimes writes a comment in the survey's language. Plain Java: the
 * random generator is passed in, so a seed repeats the answers.
 */
public final class Respondent {

    /** Reasons of an invitation that mean the journey went wrong. */
    static final Set<InvitationReason.Code> TROUBLE = EnumSet.of(InvitationReason.Code.JOURNEY_INTERRUPTED,
            InvitationReason.Code.TOUCHPOINT_FAILED);
    /** How often an optional question that is not free text gets answered. */
    static final double OPTIONAL_ANSWER = 0.85;
    /** The most options picked in a MULTIPLE_CHOICE question that sets no maximum. */
    static final int MAX_PICKS = 3;

    /** What the customer felt and what they sent. */
    public record Answered(Sentiment sentiment, Submission submission) {
    }

    private Respondent() {
    }

    /** Whether the invitation's reasons say the journey was interrupted or a touchpoint failed. */
    public static boolean troubled(List<InvitationReason> reasons) {
        return reasons != null && reasons.stream().anyMatch(r -> r != null && TROUBLE.contains(r.code()));
    }

    /**
     * Answers {@code form}.
     *
     * @param invitationLocale
     *            the invitation's language: answers and comments are in it when the survey offers it
     * @param troubled
     *            the journey was interrupted or a touchpoint failed (detractors are then more likely)
     */
    public static Answered answer(SurveyForm form, String invitationLocale, boolean troubled, RandomGenerator random) {
        Sentiment sentiment = Sentiment.draw(troubled, random);
        String locale = locale(form, invitationLocale);
        String anchorId = anchorQuestionId(form);
        Map<String, Integer> scores = new HashMap<>();
        List<Submission.Value> answers = new ArrayList<>();
        for (SurveyForm.Question q : form.questions()) {
            QuestionType type = type(q);
            if (type == null || q.id() == null) {
                continue;
            }
            if (q.showIf() != null && !q.showIf().holds(scores.get(q.showIf().questionId()))) {
                continue;
            }
            boolean anchor = q.id().equals(anchorId);
            if (!q.required() && !anchor && !wantsToAnswer(type, sentiment, random)) {
                continue;
            }
            Submission.Value value = switch (type) {
            case NPS, CSAT, CES, RATING -> {
                int score = score(q, type, sentiment, random);
                scores.put(q.id(), score);
                yield Submission.Value.score(q.id(), score);
            }
            case SINGLE_CHOICE -> q.options().isEmpty() ? null : Submission.Value.choices(q.id(),
                    List.of(q.options().get(random.nextInt(q.options().size())).id()));
            case MULTIPLE_CHOICE -> q.options().isEmpty() ? null : Submission.Value.choices(q.id(), picks(q, random));
            case OPEN_TEXT -> Submission.Value.text(q.id(), OpenText.comment(locale, sentiment, random));
            };
            if (value != null) {
                answers.add(value);
            }
        }
        return new Answered(sentiment, new Submission(locale, answers));
    }

    /** The question of the survey's anchor metric; without one, the first scored question; null when none. */
    static String anchorQuestionId(SurveyForm form) {
        String firstScored = null;
        for (SurveyForm.Question q : form.questions()) {
            QuestionType type = type(q);
            if (type == null) {
                continue;
            }
            if (type.name().equals(form.anchorMetric())) {
                return q.id();
            }
            if (firstScored == null && type.scored()) {
                firstScored = q.id();
            }
        }
        return firstScored;
    }

    /** The invitation's locale when the survey has it (or does not say which it has), else the survey's own. */
    static String locale(SurveyForm form, String invitationLocale) {
        if (invitationLocale != null && (form.locales().isEmpty() || form.locales().contains(invitationLocale))) {
            return invitationLocale;
        }
        return form.locale() != null ? form.locale() : invitationLocale;
    }

    /** The question's type, or null for a type this tool does not know (left unanswered). */
    static QuestionType type(SurveyForm.Question q) {
        if (q.type() == null) {
            return null;
        }
        try {
            return QuestionType.valueOf(q.type());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** Optional questions: comments are left mostly by unhappy customers, the rest is usually answered. */
    private static boolean wantsToAnswer(QuestionType type, Sentiment sentiment, RandomGenerator random) {
        double p = type != QuestionType.OPEN_TEXT ? OPTIONAL_ANSWER : switch (sentiment) {
        case DETRACTOR -> 0.5;
        case PASSIVE -> 0.25;
        case PROMOTER -> 0.2;
        };
        return random.nextDouble() < p;
    }

    /**
     * A score within the question's range: NPS questions by the NPS group of the sentiment; other scales from the
     * customer's satisfaction, where a high CES score means a hard journey.
     */
    static int score(SurveyForm.Question q, QuestionType type, Sentiment sentiment, RandomGenerator random) {
        int[] range = range(q, type);
        return sentiment.score(type, range[0], range[1], random);
    }

    /** The question's {@code min..max}, defaulting to the scale of its type (RATING: 1..5). */
    static int[] range(SurveyForm.Question q, QuestionType type) {
        int defaultMin;
        int defaultMax;
        switch (type) {
        case NPS, CSAT, CES -> {
            AnchorMetric metric = AnchorMetric.valueOf(type.name());
            defaultMin = metric.min();
            defaultMax = metric.max();
        }
        default -> {
            defaultMin = 1;
            defaultMax = 5;
        }
        }
        int min = q.min() != null ? q.min() : defaultMin;
        int max = q.max() != null ? q.max() : defaultMax;
        return max >= min ? new int[] { min, max } : new int[] { defaultMin, defaultMax };
    }

    /** Distinct option ids, at least one (or the question's min), at most its max or {@link #MAX_PICKS}. */
    static List<String> picks(SurveyForm.Question q, RandomGenerator random) {
        int n = q.options().size();
        int most = Math.min(n, q.max() != null && q.max() > 0 ? q.max() : MAX_PICKS);
        int least = Math.min(most, Math.max(1, q.min() != null ? q.min() : 1));
        int count = least + random.nextInt(most - least + 1);
        List<SurveyForm.Option> pool = new ArrayList<>(q.options());
        List<String> picked = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            picked.add(pool.remove(random.nextInt(pool.size())).id());
        }
        return picked;
    }
}
