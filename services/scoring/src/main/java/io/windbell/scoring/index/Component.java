package io.windbell.scoring.index;

import io.windbell.scoring.stats.Estimate;

/**
 * One input of the experience index: a raw X-data or O-data metric and its linear map onto 0..100 (higher is better).
 * Every map is linear, {@code score = slope · raw + offset}, so a component's sampling variance follows exactly as
 * {@code slope² · var(raw)} (ADR 0016).
 */
public enum Component {

    /** Net Promoter Score, -100..100: {@code (NPS + 100) / 2}. */
    NPS(0.5, 50),
    /** CSAT top-2-box share (4 and 5 of 1..5), 0..1: {@code share × 100}. */
    CSAT(100, 0),
    /** CES mean, 1 (easy) .. 7 (hard): {@code (7 − mean) / 6 × 100}. */
    CES(-100.0 / 6, 700.0 / 6),
    /** Touchpoint success rate, 0..1: {@code rate × 100}. */
    SUCCESS_RATE(100, 0),
    /** Touchpoint abandonment rate, 0..1: {@code (1 − rate) × 100}. */
    ABANDONMENT_RATE(-100, 100),
    /** Journey completion rate (completed of ended), 0..1: {@code rate × 100}. */
    COMPLETION_RATE(100, 0),
    /** Journey interruption rate (interrupted of ended), 0..1: {@code (1 − rate) × 100}. */
    INTERRUPTION_RATE(-100, 100);

    private final double slope;
    private final double offset;

    Component(double slope, double offset) {
        this.slope = slope;
        this.offset = offset;
    }

    /** The raw estimate on the 0..100 scale, with its variance carried over; empty stays empty. */
    public Estimate normalise(Estimate raw) {
        if (raw.n() == 0) {
            return Estimate.EMPTY;
        }
        return new Estimate(slope * raw.value() + offset, slope * slope * raw.variance(), raw.n());
    }

    /**
     * The component a touchpoint question of {@code questionType} scores: RATING (1..5) is read like CSAT, the same
     * scale and the same top-2-box.
     */
    public static Component ofQuestionType(String questionType) {
        return switch (questionType) {
        case "NPS" -> NPS;
        case "CES" -> CES;
        default -> CSAT;
        };
    }

    /** The component of this name (exact, upper case), or {@code null}. */
    public static Component named(String name) {
        for (Component component : values()) {
            if (component.name().equals(name)) {
                return component;
            }
        }
        return null;
    }
}
