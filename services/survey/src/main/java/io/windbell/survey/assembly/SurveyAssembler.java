package io.windbell.survey.assembly;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import io.windbell.contracts.survey.AnchorMetric;
import io.windbell.contracts.survey.InvitationReason;
import io.windbell.contracts.survey.QuestionType;
import io.windbell.survey.assembly.AssembledSurvey.Exclusion;
import io.windbell.survey.bank.Question;
import io.windbell.survey.bank.Question.Purpose;
import io.windbell.survey.names.Names;
import io.windbell.survey.rule.SurveyRule;

/**
 * Assembles the survey for one customer and one journey from the question bank: the anchor question, then questions
 * about the touchpoints the customer actually went through (failed first, then key nodes, branch, employee, slow, the
 * rest, up to the rule's limit), then the detractor branch and open feedback. Every question carries the reason it is
 * there; candidates left out are listed with why. Deterministic: no clock, no randomness, the bank's order is ignored.
 */
public final class SurveyAssembler {

    /** The locales every survey is rendered in. */
    public static final List<String> LOCALES = List.of("zh-CN", "en");

    /**
     * The survey for the journey in {@code context}, anchored on {@code rule.anchorMetric()}.
     *
     * @param bank
     *            the question bank, in any order, possibly with several versions and inactive questions
     * @param norms
     *            p90 durations per touchpoint ({@code null} = none known: no touchpoint counts as slow)
     * @param names
     *            display names for piping ({@code null} = none known: neutral phrases)
     *
     * @return the survey, or {@link AssemblyResult.NotAssembled} when the bank has no askable anchor question of the
     *         rule's metric for this journey
     */
    public AssemblyResult assemble(SurveyRule rule, JourneyContext context, List<Question> bank, TouchpointNorms norms,
            Names names) {
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(rule.anchorMetric(), "rule.anchorMetric");
        Objects.requireNonNull(context, "context");
        Objects.requireNonNull(context.journey(), "context.journey");
        return new Assembly(rule, context, bank, norms, names).run();
    }

    /**
     * The one-question survey after a recovery work order: the FOLLOW_UP question of {@code metric}, or the ANCHOR
     * question of that metric when the bank has none.
     *
     * @param journeyCode
     *            the journey the recovery was about, for piping and tag preference; may be {@code null}
     *
     * @return the survey, or {@link AssemblyResult.NotAssembled} when the bank has neither
     */
    public AssemblyResult followUp(String surveyCode, AnchorMetric metric, List<Question> bank, Names names,
            String journeyCode) {
        Objects.requireNonNull(metric, "metric");
        QuestionType type = Render.typeOf(metric);
        List<Exclusion> excluded = new ArrayList<>();
        List<Question> followUps = new ArrayList<>();
        List<Question> anchors = new ArrayList<>();
        for (Question q : BankView.of(bank).all()) {
            boolean relevant = q.type() == type && (q.purpose() == Purpose.FOLLOW_UP || q.purpose() == Purpose.ANCHOR)
                    && (q.tags().journeys().isEmpty()
                            || journeyCode != null && q.tags().journeys().contains(journeyCode));
            if (!relevant) {
                continue;
            }
            if (q.answeredByBehaviour() != null) {
                excluded.add(new Exclusion(q.id(), null, "answered by behaviour: " + q.answeredByBehaviour()));
            } else {
                (q.purpose() == Purpose.FOLLOW_UP ? followUps : anchors).add(q);
            }
        }
        List<Question> candidates = followUps.isEmpty() ? anchors : followUps;
        // Journey-tagged first; phase and channel tags cannot be checked without a journey, so untagged ones first.
        Optional<Question> picked = candidates.stream()
                .min(Comparator.comparing((Question c) -> c.tags().journeys().isEmpty())
                        .thenComparing(c -> !c.tags().phases().isEmpty() || !c.tags().channels().isEmpty())
                        .thenComparing(Question::id));
        if (picked.isEmpty()) {
            return new AssemblyResult.NotAssembled(metric, journeyCode,
                    "no anchor question: the bank has no active FOLLOW_UP or ANCHOR question of type " + metric
                            + (journeyCode == null ? "" : " for journey " + journeyCode));
        }
        Question q = picked.get();
        candidates.stream().filter(c -> c != q)
                .forEach(c -> excluded.add(new Exclusion(c.id(), null, "follow-up question " + q.id() + " preferred")));

        Piping piping = new Piping(names, journeyCode, null, null, null);
        InvitationReason reason = new InvitationReason(InvitationReason.Code.RECOVERY_FOLLOW_UP, q.id(), null,
                metric.name());
        SurveyQuestion question = Render.question(q, q.id(), null, true, null, reason, piping);
        InvitationReason invitation = new InvitationReason(InvitationReason.Code.RECOVERY_FOLLOW_UP, null, null,
                journeyCode);
        return new AssemblyResult.Assembled(
                new AssembledSurvey(surveyCode, metric, List.of(question), List.of(invitation, reason), excluded));
    }
}
