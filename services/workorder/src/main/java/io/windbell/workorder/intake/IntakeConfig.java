package io.windbell.workorder.intake;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.windbell.contracts.survey.AnchorMetric;

/**
 * Intake's settings ({@code windbell.workorder.intake.*}): when a follow-up answer counts as recovered (the customer
 * left detractor territory), per anchor metric.
 */
@ConfigMapping(prefix = "windbell.workorder.intake")
public interface IntakeConfig {

    Recovered recovered();

    /** The recovery thresholds of a follow-up answer. */
    interface Recovered {
        /** NPS (0..10) at least this: passive or promoter. */
        @WithDefault("7")
        int npsAtLeast();

        /** CSAT (1..5) at least this: satisfied. */
        @WithDefault("4")
        int csatAtLeast();

        /** CES (1..7, 7 = very hard) at most this: low effort. */
        @WithDefault("3")
        int cesAtMost();

        /** Whether {@code score} on {@code metric} counts as recovered. */
        default boolean recovered(AnchorMetric metric, int score) {
            return switch (metric) {
            case NPS -> score >= npsAtLeast();
            case CSAT -> score >= csatAtLeast();
            case CES -> score <= cesAtMost();
            };
        }
    }
}
