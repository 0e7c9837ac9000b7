package io.windbell.contracts.survey;

/** The headline metric a survey is anchored on, with the score range of its question. */
public enum AnchorMetric {
    /** Net Promoter Score question, 0..10. */
    NPS(0, 10),
    /** Customer satisfaction, 1..5. */
    CSAT(1, 5),
    /** Customer effort, 1..7 (7 = very hard). */
    CES(1, 7);

    private final int min;
    private final int max;

    AnchorMetric(int min, int max) {
        this.min = min;
        this.max = max;
    }

    public int min() {
        return min;
    }

    public int max() {
        return max;
    }
}
