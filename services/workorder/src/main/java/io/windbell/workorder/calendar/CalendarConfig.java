package io.windbell.workorder.calendar;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The business calendars' settings ({@code windbell.workorder.calendar.*}). */
@ConfigMapping(prefix = "windbell.workorder.calendar")
public interface CalendarConfig {

    /** How often every replica reloads the calendars, to see edits made through other replicas. */
    @WithDefault("PT30S")
    Duration refreshInterval();
}
