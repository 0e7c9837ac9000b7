package io.windbell.loadgen.respond;

import java.util.random.RandomGenerator;

import io.windbell.contracts.survey.QuestionType;

/**
 * How a simulated customer feels about the journey, drawn once per survey; every score they give follows from it. Named
 * after the NPS groups, which the anchor question reproduces exactly (promoters 9-10, passives 7-8, detractors 0-6).
 */
public enum Sentiment {
    PROMOTER, PASSIVE, DETRACTOR;

    /**
     * Shares of promoters and passives (the rest are detractors). Retail banking NPS surveys typically see a third to a
     * half promoters; a journey that broke or was interrupted turns most customers into detractors.
     */
    static final double[] SMOOTH = { 0.45, 0.35 };
    static final double[] TROUBLED = { 0.12, 0.28 };

    /** Draws a sentiment: worse when the journey was interrupted or a touchpoint failed. */
    public static Sentiment draw(boolean troubled, RandomGenerator random) {
        double[] shares = troubled ? TROUBLED : SMOOTH;
        double x = random.nextDouble();
        if (x < shares[0]) {
            return PROMOTER;
        }
        return x < shares[0] + shares[1] ? PASSIVE : DETRACTOR;
    }

    /**
     * A score within {@code min..max}: on a 0..10 NPS question by the NPS group, on every other scale from the
     * customer's satisfaction, where a high CES score means a hard journey.
     */
    public int score(QuestionType type, int min, int max, RandomGenerator random) {
        if (type == QuestionType.NPS && min == 0 && max == 10) {
            return nps(random);
        }
        double position = type == QuestionType.CES ? 1 - satisfaction(random) : satisfaction(random);
        return Math.max(min, Math.min(max, min + (int) Math.round(position * (max - min))));
    }

    /** One group down: how a customer feels about the step that failed them. */
    public Sentiment worse() {
        return this == PROMOTER ? PASSIVE : DETRACTOR;
    }

    /** The 0..10 answer to the NPS question. Detractors rarely answer 0: weights rise towards 6. */
    int nps(RandomGenerator random) {
        return switch (this) {
        case PROMOTER -> random.nextDouble() < 0.55 ? 10 : 9;
        case PASSIVE -> random.nextBoolean() ? 8 : 7;
        case DETRACTOR -> {
            // weights 1,1,2,3,4,5,6 for 0..6
            int[] cumulative = { 1, 2, 4, 7, 11, 16, 22 };
            int x = random.nextInt(22);
            int score = 0;
            while (x >= cumulative[score]) {
                score++;
            }
            yield score;
        }
        };
    }

    /**
     * How satisfied, 0..1, for every other scale: around 0.9 for promoters, 0.7 for passives, 0.3 for detractors, with
     * some noise so that one customer's answers are correlated but not identical.
     */
    double satisfaction(RandomGenerator random) {
        double centre = switch (this) {
        case PROMOTER -> 0.9;
        case PASSIVE -> 0.68;
        case DETRACTOR -> 0.28;
        };
        double value = centre + random.nextGaussian() * 0.12;
        return Math.max(0, Math.min(1, value));
    }
}
