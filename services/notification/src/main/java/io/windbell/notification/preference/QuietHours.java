package io.windbell.notification.preference;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * An employee's quiet hours in their zone, {@code [start, end)}; a start after the end spans midnight (21:00–08:00).
 * Pure: callers pass {@code now}.
 */
public record QuietHours(LocalTime start, LocalTime end, ZoneId zone) {

    public QuietHours {
        if (start.equals(end)) {
            throw new IllegalArgumentException("quiet hours must not start when they end");
        }
    }

    /** When a message that is ready at {@code now} may go: the end of the quiet hours inside them, else {@code now}. */
    public Instant release(Instant now) {
        ZonedDateTime local = now.atZone(zone);
        LocalTime time = local.toLocalTime();
        LocalDate today = local.toLocalDate();
        if (start.isBefore(end)) {
            return !time.isBefore(start) && time.isBefore(end) ? at(today, end) : now;
        }
        if (!time.isBefore(start)) {
            return at(today.plusDays(1), end);
        }
        return time.isBefore(end) ? at(today, end) : now;
    }

    private Instant at(LocalDate date, LocalTime time) {
        // atStartOfDay-style resolution: a time inside a DST gap moves forward, never back into the quiet hours
        return ZonedDateTime.of(date, time, zone).toInstant();
    }
}
