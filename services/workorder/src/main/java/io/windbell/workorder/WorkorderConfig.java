package io.windbell.workorder;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * The service-wide settings of workorder ({@code windbell.workorder.*}). Each feature keeps its own block in its own
 * {@code @ConfigMapping} next to its code (e.g. {@code sla/SlaConfig}, {@code windbell.workorder.sla.*}).
 */
@ConfigMapping(prefix = "windbell.workorder")
public interface WorkorderConfig {

    /** The bank's zone: days, working hours and due dates are read in it unless a calendar says otherwise. */
    @WithDefault("Asia/Shanghai")
    String timeZone();

    /** The staff console's URL of one order, {@code {id}} replaced: the deep link every event carries. */
    @WithDefault("http://127.0.0.1:8080/console/workorders/{id}")
    String linkTemplate();

    /** The branch that owns what no branch owns (special tasks, central-queue orders): head office. */
    @WithDefault("HQ")
    String centralBranch();

    /** scoring's base URL: special tasks link to its metrics of their touchpoint (never called by workorder itself). */
    @WithDefault("http://127.0.0.1:8084")
    String scoringUrl();
}
