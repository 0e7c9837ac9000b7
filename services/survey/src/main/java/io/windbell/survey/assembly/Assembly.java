package io.windbell.survey.assembly;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

import io.windbell.contracts.journey.JourneySummary;
import io.windbell.contracts.journey.TouchpointVisit;
import io.windbell.contracts.survey.AnchorMetric;
import io.windbell.contracts.survey.InvitationReason;
import io.windbell.contracts.survey.QuestionType;
import io.windbell.survey.assembly.AssembledSurvey.Exclusion;
import io.windbell.survey.bank.Question;
import io.windbell.survey.bank.Question.Purpose;
import io.windbell.survey.names.Names;
import io.windbell.survey.rule.SurveyRule;

/** One run of {@link SurveyAssembler#assemble}: holds the journey's facts and collects the exclusions. */
final class Assembly {

    /** The most touchpoints the detractor question offers as options. */
    static final int MAX_WHAT_WENT_WRONG_OPTIONS = 8;

    private final SurveyRule rule;
    private final JourneyContext context;
    private final JourneySummary journey;
    private final AnchorMetric metric;
    private final BankView bank;
    private final JourneyFacts facts;
    private final JourneyFit fit;
    private final Piping piping;
    private final Set<String> visited;
    private final List<Exclusion> excluded = new ArrayList<>();

    Assembly(SurveyRule rule, JourneyContext context, List<Question> bank, TouchpointNorms norms, Names names) {
        this.rule = rule;
        this.context = context;
        this.journey = context.journey();
        this.metric = rule.anchorMetric();
        this.bank = BankView.of(bank);
        this.facts = JourneyFacts.of(visits(context), journey.channels(), norms == null ? TouchpointNorms.NONE : norms);
        this.fit = new JourneyFit(journey.definitionCode(), journey.phase(), facts.channels());
        this.piping = new Piping(names, journey.definitionCode(), facts.productId(), facts.branchId(),
                facts.employeeId());
        this.visited = facts.touchpointCodes();
    }

    AssemblyResult run() {
        List<Question> askable = screen();
        Optional<SurveyQuestion> anchored = anchor(askable);
        if (anchored.isEmpty()) {
            return new AssemblyResult.NotAssembled(metric, journey.definitionCode(),
                    "no anchor question: the bank has no active, askable ANCHOR question of type " + metric
                            + " for journey " + journey.definitionCode());
        }
        SurveyQuestion anchor = anchored.get();

        List<Candidate> candidates = new ArrayList<>(touchpointCandidates(askable));
        branchCandidate(askable).ifPresent(candidates::add);
        employeeCandidate(askable).ifPresent(candidates::add);

        List<SurveyQuestion> questions = new ArrayList<>();
        questions.add(anchor);
        questions.addAll(select(candidates));
        whatWentWrong(askable, anchor).ifPresent(questions::add);
        openText(askable).ifPresent(questions::add);

        List<InvitationReason> reasons = new ArrayList<>();
        reasons.add(invitationReason());
        questions.forEach(q -> reasons.add(q.reason()));
        return new AssemblyResult.Assembled(
                new AssembledSurvey(rule.surveyCode(), metric, questions, reasons, excluded));
    }

    /** The summary's visits, plus the visit before the interruption should the summary have dropped it. */
    private static List<TouchpointVisit> visits(JourneyContext context) {
        List<TouchpointVisit> visits = new ArrayList<>(context.journey().touchpoints());
        if (context.lastTouchpoint() != null && !visits.contains(context.lastTouchpoint())) {
            visits.add(context.lastTouchpoint());
        }
        return visits;
    }

    /**
     * The questions that may be asked about this journey. Questions for other journeys, phases, channels, touchpoints
     * or metrics are not candidates at all; relevant ones that behaviour already answers are excluded with a reason, as
     * are touchpoint questions about a visited touchpoint whose other tags do not fit.
     */
    private List<Question> screen() {
        QuestionType anchorType = Render.typeOf(metric);
        List<Question> askable = new ArrayList<>();
        for (Question q : bank.all()) {
            if (q.purpose() == null || q.purpose() == Purpose.FOLLOW_UP
                    || q.purpose() == Purpose.ANCHOR && q.type() != anchorType) {
                continue;
            }
            List<String> tagged = q.tags().touchpoints();
            if (!tagged.isEmpty() && tagged.stream().noneMatch(visited::contains)) {
                continue;
            }
            String touchpoint = visited.stream().filter(tagged::contains).findFirst().orElse(null);
            Optional<String> mismatch = fit.mismatch(q.tags());
            if (mismatch.isPresent()) {
                if (q.purpose() == Purpose.TOUCHPOINT && touchpoint != null) {
                    exclude(q.id(), touchpoint, "tags do not fit the journey: " + mismatch.get());
                }
                continue;
            }
            if (q.answeredByBehaviour() != null) {
                exclude(q.id(), touchpoint, "answered by behaviour: " + q.answeredByBehaviour());
                continue;
            }
            if (q.purpose() == Purpose.JOURNEY) {
                exclude(q.id(), null, "journey-level question: the anchor question covers the journey");
                continue;
            }
            askable.add(q);
        }
        return askable;
    }

    /** The anchor question; empty when the bank has none that may be asked about this journey. */
    private Optional<SurveyQuestion> anchor(List<Question> askable) {
        List<Question> anchors = of(askable, Purpose.ANCHOR);
        if (anchors.isEmpty()) {
            return Optional.empty();
        }
        Question q = pick(anchors, "anchor", null);
        InvitationReason reason = new InvitationReason(InvitationReason.Code.ANCHOR_METRIC, q.id(), null,
                metric.name());
        return Optional.of(Render.question(q, q.id(), null, true, null, reason, piping));
    }

    private List<Candidate> touchpointCandidates(List<Question> askable) {
        List<Question> touchpointQuestions = of(askable, Purpose.TOUCHPOINT);
        Optional<Question> generic = JourneyFit
                .best(touchpointQuestions.stream().filter(q -> q.tags().touchpoints().isEmpty()).toList());
        List<Candidate> candidates = new ArrayList<>();
        for (VisitedTouchpoint touchpoint : facts.touchpoints()) {
            String code = touchpoint.code();
            List<Question> tagged = touchpointQuestions.stream().filter(q -> q.tags().touchpoints().contains(code))
                    .toList();
            Question q;
            String questionId;
            if (!tagged.isEmpty()) {
                q = pick(tagged, "touchpoint", code);
                // A question tagged with several touchpoints may be asked about each of them.
                questionId = q.tags().touchpoints().size() == 1 ? q.id() : q.id() + "@" + code;
            } else if (generic.isPresent()) {
                q = generic.get();
                questionId = q.id() + "@" + code;
            } else {
                exclude(null, code, "no question in the bank for this touchpoint");
                continue;
            }
            InvitationReason reason = new InvitationReason(touchpoint.priority().reason(), questionId, code,
                    touchpoint.detail());
            candidates.add(new Candidate(touchpoint.priority(), touchpoint.lastVisit(), code, touchpoint.firstVisit(),
                    Render.question(q, questionId, code, false, null, reason, piping)));
        }
        return candidates;
    }

    private Optional<Candidate> branchCandidate(List<Question> askable) {
        List<Question> questions = of(askable, Purpose.BRANCH);
        if (!facts.branchVisited()) {
            questions.forEach(q -> exclude(q.id(), null, "no branch visit in this journey"));
            return Optional.empty();
        }
        if (questions.isEmpty()) {
            exclude(null, facts.branchTouchpoint(), "no BRANCH question in the bank");
            return Optional.empty();
        }
        Question q = pick(questions, "branch", null);
        InvitationReason reason = new InvitationReason(InvitationReason.Code.BRANCH_VISITED, q.id(),
                facts.branchTouchpoint(), facts.branchId());
        return Optional.of(new Candidate(Priority.BRANCH, 0, "", Candidate.BRANCH_RANK,
                Render.question(q, q.id(), null, false, null, reason, piping)));
    }

    private Optional<Candidate> employeeCandidate(List<Question> askable) {
        List<Question> questions = of(askable, Purpose.EMPLOYEE);
        if (facts.employeeId() == null) {
            questions.forEach(q -> exclude(q.id(), null, "no employee served in this journey"));
            return Optional.empty();
        }
        if (questions.isEmpty()) {
            exclude(null, facts.employeeTouchpoint(), "no EMPLOYEE question in the bank");
            return Optional.empty();
        }
        Question q = pick(questions, "employee", null);
        if (piping.employeeName().isEmpty()) {
            // Never show a staff id to a customer.
            exclude(q.id(), facts.employeeTouchpoint(), "no display name known for the employee");
            return Optional.empty();
        }
        InvitationReason reason = new InvitationReason(InvitationReason.Code.EMPLOYEE_SERVED, q.id(),
                facts.employeeTouchpoint(), facts.employeeId());
        return Optional.of(new Candidate(Priority.EMPLOYEE, 0, "", Candidate.EMPLOYEE_RANK,
                Render.question(q, q.id(), null, false, null, reason, piping)));
    }

    /** The first {@code maxQuestions} candidates by priority, in display order; the rest are excluded. */
    private List<SurveyQuestion> select(List<Candidate> candidates) {
        int limit = Math.max(0, rule.maxQuestions());
        List<Candidate> ranked = candidates.stream().sorted(Candidate.SELECTION).toList();
        List<Candidate> chosen = ranked.subList(0, Math.min(limit, ranked.size()));
        for (Candidate left : ranked.subList(chosen.size(), ranked.size())) {
            exclude(left.question().questionId(), left.question().touchpointCode(),
                    "limit of " + limit + " questions reached");
        }
        return chosen.stream().sorted(Candidate.DISPLAY).map(Candidate::question).toList();
    }

    private Optional<SurveyQuestion> whatWentWrong(List<Question> askable, SurveyQuestion anchor) {
        List<Question> questions = new ArrayList<>();
        for (Question q : of(askable, Purpose.WHAT_WENT_WRONG)) {
            if (q.type() == QuestionType.MULTIPLE_CHOICE) {
                questions.add(q);
            } else {
                exclude(q.id(), null, "the detractor question must be MULTIPLE_CHOICE, not " + q.type());
            }
        }
        if (questions.isEmpty()) {
            exclude(null, null, "no WHAT_WENT_WRONG question in the bank: no detractor branch");
            return Optional.empty();
        }
        Question q = pick(questions, "detractor", null);
        List<SurveyQuestion.Choice> choices = new ArrayList<>(touchpointChoices(q));
        q.options().forEach(o -> choices.add(new SurveyQuestion.Choice(o.id(), piping.text(o.label(), null))));
        if (choices.isEmpty()) {
            exclude(q.id(), null, "no visited touchpoint with a display name to offer");
            return Optional.empty();
        }
        InvitationReason reason = new InvitationReason(InvitationReason.Code.DETRACTOR_FOLLOW_UP, q.id(), null,
                Detractors.describe(metric));
        return Optional.of(Render.question(q, q.id(), null, choices, false,
                Detractors.detractorRange(anchor.questionId(), metric), reason, piping));
    }

    /**
     * The visited touchpoints as options, in the order visited. When more than {@link #MAX_WHAT_WENT_WRONG_OPTIONS}
     * have names, the failed ones are kept first and then the others in visit order.
     */
    private List<SurveyQuestion.Choice> touchpointChoices(Question q) {
        List<VisitedTouchpoint> named = new ArrayList<>();
        List<Map<String, String>> labels = new ArrayList<>();
        for (VisitedTouchpoint touchpoint : facts.touchpoints()) {
            Optional<Map<String, String>> label = piping.nameInEveryLocale(Names.Kind.TOUCHPOINT, touchpoint.code());
            if (label.isEmpty()) {
                exclude(q.id(), touchpoint.code(), "no display name for the touchpoint: not offered as an option");
                continue;
            }
            named.add(touchpoint);
            labels.add(label.get());
        }
        Set<VisitedTouchpoint> kept = new LinkedHashSet<>();
        named.stream().filter(VisitedTouchpoint::failed).forEach(kept::add);
        kept.addAll(named);
        List<VisitedTouchpoint> offered = kept.stream().limit(MAX_WHAT_WENT_WRONG_OPTIONS).toList();
        List<SurveyQuestion.Choice> choices = new ArrayList<>();
        for (int i = 0; i < named.size(); i++) {
            VisitedTouchpoint touchpoint = named.get(i);
            if (offered.contains(touchpoint)) {
                choices.add(new SurveyQuestion.Choice(touchpoint.code(), labels.get(i)));
            } else {
                exclude(q.id(), touchpoint.code(),
                        "at most " + MAX_WHAT_WENT_WRONG_OPTIONS + " touchpoints offered as options");
            }
        }
        return choices;
    }

    private Optional<SurveyQuestion> openText(List<Question> askable) {
        List<Question> questions = of(askable, Purpose.OPEN_TEXT);
        if (questions.isEmpty()) {
            exclude(null, null, "no OPEN_TEXT question in the bank");
            return Optional.empty();
        }
        Question q = pick(questions, "open feedback", null);
        InvitationReason reason = new InvitationReason(InvitationReason.Code.OPEN_FEEDBACK, q.id(), null, null);
        return Optional.of(Render.question(q, q.id(), null, false, null, reason, piping));
    }

    private InvitationReason invitationReason() {
        boolean interrupted = context.trigger() == SurveyRule.Trigger.JOURNEY_INTERRUPTED
                || context.trigger() == null && context.reason() != null;
        String touchpoint = interrupted && context.lastTouchpoint() != null ? context.lastTouchpoint().code() : null;
        String detail = rule.code() + (interrupted && context.reason() != null ? "/" + context.reason() : "");
        return new InvitationReason(
                interrupted ? InvitationReason.Code.JOURNEY_INTERRUPTED : InvitationReason.Code.JOURNEY_COMPLETED, null,
                touchpoint, detail);
    }

    /** The most specific of {@code questions}; the others are excluded as not preferred. */
    private Question pick(List<Question> questions, String role, String touchpoint) {
        Question best = JourneyFit.best(questions).orElseThrow();
        questions.stream().filter(Predicate.not(best::equals))
                .forEach(q -> exclude(q.id(), touchpoint, role + " question " + best.id() + " preferred"));
        return best;
    }

    private static List<Question> of(List<Question> questions, Purpose purpose) {
        return questions.stream().filter(q -> q.purpose() == purpose).toList();
    }

    private void exclude(String questionId, String touchpoint, String why) {
        excluded.add(new Exclusion(questionId, touchpoint, why));
    }
}
