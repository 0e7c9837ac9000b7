package io.windbell.survey.budget;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * Local times between which a customer is not contacted. A window may span midnight (21:00–09:00); {@code start ==
 * end} means no quiet hours.
 */
public record QuietHours(LocalTime start, LocalTime end) {

    /** The earliest instant at or after {@code candidate} outside the quiet hours of {@code zone}. */
    public Instant nextAllowed(Instant candidate, ZoneId zone) {
        if (start.equals(end)) {
            return candidate;
        }
        ZonedDateTime local = candidate.atZone(zone);
        LocalTime time = local.toLocalTime();
        if (!quiet(time)) {
            return candidate;
        }
        ZonedDateTime endToday = local.with(end).withSecond(0).withNano(0);
        // before midnight in a window that spans it, the quiet hours end tomorrow morning
        ZonedDateTime allowed = endToday.isAfter(local) ? endToday : endToday.plusDays(1);
        return allowed.toInstant();
    }

    public boolean quiet(LocalTime time) {
        if (start.isBefore(end)) {
            return !time.isBefore(start) && time.isBefore(end);
        }
        return !time.isBefore(start) || time.isBefore(end);
    }
}
