package io.windbell.scoring.rollup;

import java.util.Locale;

/**
 * The values of the {@code dimension} column of the rollup tables: every event is counted once under {@link #ALL}
 * (value {@code ''}) and once under each dimension its table keeps, so that the rows of one dimension add up to the
 * total.
 */
public enum Dimension {
    ALL, JOURNEY, PHASE, CHANNEL, EMPLOYEE, PRODUCT, TIER, SURVEY;

    /** The value stored in the {@code dimension} column and used in the API ({@code journey}, {@code all}). */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}
