package io.windbell.workorder.special;

import java.time.Duration;
import java.util.Map;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Special tasks ({@code windbell.workorder.special.*}): when a pattern becomes a task, who owns it, how long it is
 * watched.
 */
@ConfigMapping(prefix = "windbell.workorder.special")
public interface SpecialTaskConfig {

    /** How many unlinked recovery cases sharing a pattern within {@link #window()} propose a special task. */
    @WithDefault("5")
    int minCases();

    /** How far back the cases of a pattern are counted. */
    @WithDefault("P7D")
    Duration window();

    /** A proposed task's due date: today (in the bank's zone) plus this many days. */
    @WithDefault("P14D")
    Duration dueIn();

    /** How long a done task's touchpoint is watched: a degradation within it reopens the task and flags it. */
    @WithDefault("P30D")
    Duration watchPeriod();

    /** Owner departments by touchpoint-code prefix ({@code "wealth."} → Wealth Management Dept); the longest wins. */
    Map<String, String> departments();

    /** The owner of a task whose touchpoint no prefix matches (or that has no touchpoint). */
    @WithDefault("CX Office")
    String defaultDepartment();
}
