package io.windbell.scoring.metrics;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

import io.windbell.scoring.rollup.ScoreCounts;
import io.windbell.scoring.rollup.Sketches;
import io.windbell.scoring.stats.Estimate;
import io.windbell.scoring.stats.Proportion;

/**
 * Every metric the API serves: the rollup it reads ({@link Source}) and how the summed rows of one bucket and group
 * become an {@link Estimate} with its components. Rates are shares with the binomial variance; means carry the variance
 * of the mean; percentiles come from merged HdrHistograms (within 1% of a sample value, no variance).
 */
public enum Metric {
    /** Net Promoter Score of the NPS anchor answers, -100..100: 100 (promoters 9-10 - detractors 0-6) / answers. */
    NPS(Source.RESPONSES, "NPS") {
        @Override
        public Reading read(Totals totals) {
            ScoreCounts scores = scores(totals, anchor());
            return new Reading(scores.nps(), components("promoters", scores.between(9, 10), "passives",
                    scores.between(7, 8), "detractors", scores.between(0, 6)));
        }
    },
    /** Share of CSAT anchor answers scoring 4 or 5 (of 1..5), 0..1. */
    CSAT_TOP2(Source.RESPONSES, "CSAT") {
        @Override
        public Reading read(Totals totals) {
            ScoreCounts scores = scores(totals, anchor());
            return new Reading(scores.topTwoShare(), components("top2", scores.between(4, 5)));
        }
    },
    /** Mean CSAT anchor score, 1..5. */
    CSAT_MEAN(Source.RESPONSES, "CSAT") {
        @Override
        public Reading read(Totals totals) {
            return mean(scores(totals, anchor()));
        }
    },
    /** Mean CES anchor score, 1..7 (7 = very hard). */
    CES_MEAN(Source.RESPONSES, "CES") {
        @Override
        public Reading read(Totals totals) {
            return mean(scores(totals, anchor()));
        }
    },
    /** Share of CES anchor answers scoring 5, 6 or 7 ("hard"), 0..1. */
    CES_HARD_SHARE(Source.RESPONSES, "CES") {
        @Override
        public Reading read(Totals totals) {
            ScoreCounts scores = scores(totals, anchor());
            return new Reading(scores.hardShare(), components("hard", scores.between(5, 7)));
        }
    },
    /** Invitations answered / invitations sent, by the day of the invitation (the cohort), 0..1; n = invited. */
    RESPONSE_RATE(Source.INVITATIONS, null) {
        @Override
        public Reading read(Totals totals) {
            return new Reading(Proportion.of(totals.sum(1), totals.sum(0)),
                    components("invited", totals.sum(0), "responded", totals.sum(1), "expired", totals.sum(2)));
        }
    },
    /**
     * The touchpoint questions' answers, per question type (a group of every point): NPS-typed factors as NPS, the
     * others (CSAT, CES, RATING) as the mean score.
     */
    FACTOR_SCORE(Source.FACTORS, null) {
        @Override
        public Reading read(Totals totals) {
            ScoreCounts scores = scores(totals, totals.scale());
            return "NPS".equals(totals.scale()) ? new Reading(scores.nps(), distribution(scores)) : mean(scores);
        }
    },
    /**
     * Successes / events with an outcome (SUCCESS, FAILURE, ABANDONED), 0..1. INFO events report no outcome and are in
     * no rate's denominator; they count in {@code n} of the touchpoint only.
     */
    SUCCESS_RATE(Source.TOUCHPOINTS, null) {
        @Override
        public Reading read(Totals totals) {
            return outcomeShare(totals, 1);
        }
    },
    /** Failures / events with an outcome, 0..1. */
    ERROR_RATE(Source.TOUCHPOINTS, null) {
        @Override
        public Reading read(Totals totals) {
            return outcomeShare(totals, 2);
        }
    },
    /** Abandoned / events with an outcome, 0..1. */
    ABANDONMENT_RATE(Source.TOUCHPOINTS, null) {
        @Override
        public Reading read(Totals totals) {
            return outcomeShare(totals, 3);
        }
    },
    /** Median duration (ms) of the events that reported one. */
    DURATION_P50(Source.TOUCHPOINTS, null) {
        @Override
        public Reading read(Totals totals) {
            return percentile(totals, 50, 4, 5);
        }
    },
    /** 90th percentile duration (ms) of the events that reported one. */
    DURATION_P90(Source.TOUCHPOINTS, null) {
        @Override
        public Reading read(Totals totals) {
            return percentile(totals, 90, 4, 5);
        }
    },
    /**
     * Journeys whose first end was their completion / journeys that ended (completed, or interrupted for the first
     * time), 0..1. A journey completed after an interruption counts as interrupted.
     */
    COMPLETION_RATE(Source.JOURNEYS, null) {
        @Override
        public Reading read(Totals totals) {
            return endShare(totals, 1);
        }
    },
    /** Journeys whose first end was an interruption / journeys that ended, 0..1 (1 - completion rate). */
    INTERRUPTION_RATE(Source.JOURNEYS, null) {
        @Override
        public Reading read(Totals totals) {
            return endShare(totals, 2);
        }
    },
    /** Ended journeys that had used more than one channel by their first end / journeys that ended, 0..1. */
    CHANNEL_SWITCH_RATE(Source.JOURNEYS, null) {
        @Override
        public Reading read(Totals totals) {
            return endShare(totals, 5);
        }
    },
    /** Median time from start to completion (ms) of every completed journey, also after an interruption. */
    TIME_TO_COMPLETE_P50(Source.JOURNEYS, null) {
        @Override
        public Reading read(Totals totals) {
            return percentile(totals, 50, 6, 7);
        }
    },
    /** 90th percentile time to complete (ms). */
    TIME_TO_COMPLETE_P90(Source.JOURNEYS, null) {
        @Override
        public Reading read(Totals totals) {
            return percentile(totals, 90, 6, 7);
        }
    };

    /** A metric's value for one bucket and group, with the counts it came from. */
    public record Reading(Estimate estimate, Map<String, Long> components) {
    }

    private final Source source;
    private final String anchor;

    Metric(Source source, String anchor) {
        this.source = source;
        this.anchor = anchor;
    }

    /** The value of this metric from the summed rows of one bucket and group. */
    public abstract Reading read(Totals totals);

    public Source source() {
        return source;
    }

    /** The anchor metric a response metric reads ({@code response_rollup.metric}), else {@code null}. */
    public String anchor() {
        return anchor;
    }

    private static ScoreCounts scores(Totals totals, String scale) {
        ScoreCounts empty = ScoreCounts.forScale(scale);
        return new ScoreCounts(empty.min(), Arrays.copyOfRange(totals.sums(), 1, 1 + empty.counts().length));
    }

    private static Reading mean(ScoreCounts scores) {
        return new Reading(scores.mean(), distribution(scores));
    }

    /** The answers per score ({@code score_0} … {@code score_10}). */
    private static Map<String, Long> distribution(ScoreCounts scores) {
        Map<String, Long> components = new LinkedHashMap<>();
        long[] counts = scores.counts();
        for (int k = 0; k < counts.length; k++) {
            components.put("score_" + (scores.min() + k), counts[k]);
        }
        return components;
    }

    private static Reading outcomeShare(Totals totals, int index) {
        long outcomes = totals.sum(1) + totals.sum(2) + totals.sum(3);
        return new Reading(Proportion.of(totals.sum(index), outcomes),
                components("events", totals.sum(0), "successes", totals.sum(1), "failures", totals.sum(2), "abandoned",
                        totals.sum(3), "info", totals.sum(0) - outcomes));
    }

    private static Reading endShare(Totals totals, int index) {
        return new Reading(Proportion.of(totals.sum(index), totals.sum(4)),
                components("started", totals.sum(0), "completed", totals.sum(1), "interrupted", totals.sum(2),
                        "resumed", totals.sum(3), "ended", totals.sum(4), "switched", totals.sum(5)));
    }

    /** A percentile of the merged sketch; {@code n} is the number of recorded durations. */
    private static Reading percentile(Totals totals, double percentile, int nIndex, int sumIndex) {
        long n = totals.sketch() == null ? 0 : totals.sketch().getTotalCount();
        Estimate estimate = n == 0 ? Estimate.EMPTY
                : new Estimate(Sketches.percentile(totals.sketch(), percentile), Double.NaN, n);
        long recorded = totals.sum(nIndex);
        return new Reading(estimate, components("recorded", recorded, "meanMs",
                recorded == 0 ? 0 : Math.round((double) totals.sum(sumIndex) / recorded)));
    }

    private static Map<String, Long> components(Object... namesAndCounts) {
        Map<String, Long> components = new LinkedHashMap<>();
        for (int i = 0; i < namesAndCounts.length; i += 2) {
            components.put((String) namesAndCounts[i], (Long) namesAndCounts[i + 1]);
        }
        return components;
    }
}
