package io.windbell.loadgen.sim;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;

import io.windbell.contracts.EventPayload;
import io.windbell.contracts.journey.InterruptionReason;
import io.windbell.contracts.journey.JourneyCompleted;
import io.windbell.contracts.journey.JourneyInterrupted;
import io.windbell.contracts.journey.JourneySummary;
import io.windbell.contracts.journey.TouchpointVisit;
import io.windbell.contracts.survey.AnchorMetric;
import io.windbell.contracts.survey.Answer;
import io.windbell.contracts.survey.QuestionType;
import io.windbell.contracts.survey.SurveyResponded;
import io.windbell.contracts.touchpoint.Outcome;
import io.windbell.loadgen.catalog.Catalog;
import io.windbell.loadgen.respond.OpenText;
import io.windbell.loadgen.respond.Sentiment;

/**
 * Survey answers as the survey service publishes them ({@code survey.responded}): the X-data load of the scoring
 * service. The journey an answer is about comes from {@link JourneyEnds} (visits, failures with error codes, branch,
 * employee, product); the survey and its anchor metric follow the seeded survey rules; the customer's sentiment is
 * worse after an interrupted journey; 1 to 4 factor questions ask about the touchpoints visited, failed ones first,
 * with scores in line with the anchor (one group worse for a step that failed); some answers carry a comment. Plain
 * Java: everything but the ids follows the seed.
 */
public final class SurveyResponses {

    /** The most touchpoint questions one answer carries. */
    public static final int MAX_FACTORS = 4;

    /** A survey of the seeded rules: its code, anchor metric and anchor question. */
    private record Survey(String code, AnchorMetric metric, String anchorQuestion) {
    }

    /** A scored touchpoint question of the seeded question bank. */
    private record Factor(String questionId, QuestionType type, int min, int max) {
    }

    private static final Survey WEALTH_EFFORT = new Survey("WEALTH_EFFORT", AnchorMetric.CES, "Q_CES_WEALTH");
    private static final Survey LOAN_EFFORT = new Survey("LOAN_EFFORT", AnchorMetric.CES, "Q_CES_LOAN");
    private static final Survey TRANSFER_EFFORT = new Survey("TRANSFER_EFFORT", AnchorMetric.CES, "Q_CES_GENERIC");
    private static final Survey GENERAL_CSAT = new Survey("GENERAL_CSAT", AnchorMetric.CSAT, "Q_CSAT_GENERIC");
    private static final Survey WEALTH_NPS = new Survey("WEALTH_NPS", AnchorMetric.NPS, "Q_NPS_WEALTH");
    private static final Survey LOAN_NPS = new Survey("LOAN_NPS", AnchorMetric.NPS, "Q_NPS_LOAN");
    private static final Survey ACCOUNT_OPENING_CSAT = new Survey("ACCOUNT_OPENING_CSAT", AnchorMetric.CSAT,
            "Q_CSAT_ACCOUNT");
    /**
     * Not a seeded rule: the seeded ones ask nobody about completed transfers, card activations, complaints or
     * referrals. A bank runs a relationship NPS survey for those; the scoring load needs NPS across every journey.
     */
    private static final Survey GENERAL_NPS = new Survey("GENERAL_NPS", AnchorMetric.NPS, "Q_NPS_GENERIC");

    private static final Factor EASE = new Factor("Q_TP_EASE", QuestionType.RATING, 1, 5);
    private static final Map<String, Factor> FACTORS = Map.ofEntries(
            Map.entry("wealth.risk_assessment", csat("Q_TP_WEALTH_RISK")),
            Map.entry("wealth.rm_consultation", csat("Q_TP_WEALTH_RM")),
            Map.entry("wealth.order_submit", ces("Q_TP_WEALTH_ORDER")),
            Map.entry("wealth.payment_confirm", rating("Q_TP_WEALTH_PAYMENT")),
            Map.entry("loan.document_upload", ces("Q_TP_LOAN_UPLOAD")),
            Map.entry("loan.approval_notice", rating("Q_TP_LOAN_APPROVAL")),
            Map.entry("loan.contract_sign", csat("Q_TP_LOAN_CONTRACT")),
            Map.entry("account.id_upload", rating("Q_TP_ACCOUNT_ID_UPLOAD")),
            Map.entry("account.face_verify", ces("Q_TP_ACCOUNT_FACE")),
            Map.entry("card.identity_verify", ces("Q_TP_CARD_IDENTITY")),
            Map.entry("card.pin_set", csat("Q_TP_CARD_PIN")),
            Map.entry("transfer.submit", rating("Q_TP_TRANSFER_SUBMIT")),
            Map.entry("complaint.callback", csat("Q_TP_COMPLAINT_CALLBACK")));

    private final JourneyEnds ends;
    private final Population population;
    private final SplittableRandom rnd;
    private final Supplier<UUID> ids;
    private final Map<String, Long> tally = new TreeMap<>();
    private long generated;
    private long lowScores;
    private long comments;

    /**
     * @param customers
     *            distinct customers, {@code C00000001} upwards: the same people, with the same tier and home branch, as
     *            a touchpoint run with the same seed
     * @param interruptedShare
     *            the share of answers about an interrupted journey, 0..1
     * @param ids
     *            response, invitation and journey instance ids (fresh in every run)
     */
    public SurveyResponses(Catalog catalog, int customers, double interruptedShare, long seed, Supplier<UUID> ids) {
        this(catalog, 0, customers, interruptedShare, seed, ids);
    }

    /**
     * Answers of the customers {@code firstCustomer} ({@code C00000001} is 0) to {@code firstCustomer + customers - 1}
     * instead of from the first: another run's customers start elsewhere.
     */
    public SurveyResponses(Catalog catalog, int firstCustomer, int customers, double interruptedShare, long seed,
            Supplier<UUID> ids) {
        this.ends = new JourneyEnds(catalog, customers, firstCustomer, interruptedShare, seed, ids);
        this.population = new Population(firstCustomer + customers, seed);
        this.rnd = new SplittableRandom(seed ^ 0x2545F4914F6CDD1DL);
        this.ids = ids;
    }

    /**
     * Whether an anchor score is a detractor's by the default thresholds of {@code alert.low-score}: NPS at most 6,
     * CSAT at most 2, CES at least 5 (of 7).
     */
    public static boolean lowScore(AnchorMetric metric, int score) {
        return switch (metric) {
        case NPS -> score <= 6;
        case CSAT -> score <= 2;
        case CES -> score >= 5;
        };
    }

    /** The next answer, submitted at {@code respondedAt}, about a journey that ended minutes to hours before. */
    public SurveyResponded next(Instant respondedAt) {
        // the rules' delays (5 minutes to 2 hours), then the customer's own time to answer
        EventPayload end = ends.next(respondedAt.minus(Duration.ofMinutes(5 + rnd.nextInt(180))));
        JourneySummary journey;
        InterruptionReason reason = null;
        switch (end) {
        case JourneyCompleted c -> journey = c.journey();
        case JourneyInterrupted i -> {
            journey = i.journey();
            reason = i.reason();
        }
        default -> throw new IllegalStateException("not a journey end: " + end);
        }
        Survey survey = survey(journey.definitionCode(), reason);
        Sentiment sentiment = Sentiment.draw(reason != null, rnd);
        String locale = population.customer(Population.index(journey.customerId())).locale();
        AnchorMetric metric = survey.metric();
        int score = sentiment.score(QuestionType.valueOf(metric.name()), metric.min(), metric.max(), rnd);
        List<Answer> answers = new ArrayList<>();
        answers.add(new Answer(survey.anchorQuestion(), QuestionType.valueOf(metric.name()), null, score, null, null));
        answers.addAll(factors(journey.touchpoints(), sentiment));
        if (rnd.nextDouble() < commentShare(sentiment)) {
            answers.add(new Answer("Q_OPEN_FEEDBACK", QuestionType.OPEN_TEXT, null, null, null,
                    OpenText.comment(locale, sentiment, rnd)));
            comments++;
        }
        generated++;
        if (lowScore(metric, score)) {
            lowScores++;
        }
        tally.merge(metric.name() + "." + sentiment.name(), 1L, Long::sum);
        List<TouchpointVisit> visits = journey.touchpoints();
        return new SurveyResponded(ids.get(), ids.get(), journey.customerId(), survey.code(), locale, respondedAt,
                metric, score, answers, journey, last(visits, TouchpointVisit::branchId),
                last(visits, TouchpointVisit::employeeId), last(visits, TouchpointVisit::productId), null);
    }

    /** Answers generated so far whose anchor score is low ({@link #lowScore}). */
    public long lowScores() {
        return lowScores;
    }

    /** Summary counters for the loadgen's JSON line. */
    public Map<String, Object> asMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("responses", generated);
        m.put("lowScores", lowScores);
        m.put("lowScoreShare", generated == 0 ? 0.0 : Math.round(10_000.0 * lowScores / generated) / 10_000.0);
        m.put("withComment", comments);
        m.put("byMetricAndSentiment", Map.copyOf(tally));
        m.put("journeys", ends.asMap());
        return m;
    }

    /** The survey the seeded rules send for this journey end (see {@link #GENERAL_NPS} for the one addition). */
    private static Survey survey(String journey, InterruptionReason reason) {
        if (reason != null) {
            return switch (journey) {
            case "WEALTH_PURCHASE" -> WEALTH_EFFORT;
            case "LOAN_APPLICATION" -> LOAN_EFFORT;
            case "TRANSFER" -> reason == InterruptionReason.FAILURE ? TRANSFER_EFFORT : GENERAL_CSAT;
            default -> GENERAL_CSAT;
            };
        }
        return switch (journey) {
        case "WEALTH_PURCHASE" -> WEALTH_NPS;
        case "LOAN_APPLICATION" -> LOAN_NPS;
        case "ACCOUNT_OPENING" -> ACCOUNT_OPENING_CSAT;
        default -> GENERAL_NPS;
        };
    }

    /**
     * 1 to {@link #MAX_FACTORS} touchpoint questions about the distinct touchpoints visited: failed ones first (the
     * survey biases its questions to them), then key nodes, then the rest in visit order.
     */
    private List<Answer> factors(List<TouchpointVisit> visits, Sentiment sentiment) {
        Set<String> failed = new LinkedHashSet<>();
        Set<String> keys = new LinkedHashSet<>();
        Set<String> all = new LinkedHashSet<>();
        for (TouchpointVisit v : visits) {
            all.add(v.code());
            if (v.outcome() == Outcome.FAILURE || v.outcome() == Outcome.ABANDONED) {
                failed.add(v.code());
            }
            if (Boolean.TRUE.equals(v.keyNode())) {
                keys.add(v.code());
            }
        }
        List<String> ranked = new ArrayList<>(all);
        ranked.sort(Comparator.comparingInt((String c) -> failed.contains(c) ? 0 : keys.contains(c) ? 1 : 2));
        int count = 1 + rnd.nextInt(Math.min(MAX_FACTORS, ranked.size()));
        List<Answer> answers = new ArrayList<>(count);
        for (String code : ranked.subList(0, count)) {
            Factor f = FACTORS.getOrDefault(code, EASE);
            Sentiment felt = failed.contains(code) ? sentiment.worse() : sentiment;
            answers.add(new Answer(f.questionId(), f.type(), code, felt.score(f.type(), f.min(), f.max(), rnd), null,
                    null));
        }
        return answers;
    }

    /** Comments are left mostly by unhappy customers (as the responder of {@code respond} leaves them). */
    private static double commentShare(Sentiment sentiment) {
        return switch (sentiment) {
        case DETRACTOR -> 0.5;
        case PASSIVE -> 0.25;
        case PROMOTER -> 0.2;
        };
    }

    private static String last(List<TouchpointVisit> visits, Function<TouchpointVisit, String> f) {
        for (int i = visits.size() - 1; i >= 0; i--) {
            String value = f.apply(visits.get(i));
            if (value != null) {
                return value;
            }
        }
        return null;
    }

    private static Factor csat(String questionId) {
        return new Factor(questionId, QuestionType.CSAT, 1, 5);
    }

    private static Factor ces(String questionId) {
        return new Factor(questionId, QuestionType.CES, 1, 7);
    }

    private static Factor rating(String questionId) {
        return new Factor(questionId, QuestionType.RATING, 1, 5);
    }
}
