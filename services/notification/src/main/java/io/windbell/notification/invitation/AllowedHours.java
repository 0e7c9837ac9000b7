package io.windbell.notification.invitation;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;

/**
 * The hours of the day a channel adapter may contact customers ({@code 08:00-21:00}, in the bank's zone), the end
 * excluded. A range that wraps midnight ({@code 21:00-08:00}) is allowed.
 */
public record AllowedHours(LocalTime start, LocalTime end) {

    public AllowedHours {
        if (start.equals(end)) {
            throw new IllegalArgumentException("allowed hours must not start and end at the same time: " + start);
        }
    }

    /** Reads {@code HH:mm-HH:mm}. */
    public static AllowedHours parse(String text) {
        String[] parts = text.trim().split("-");
        if (parts.length != 2) {
            throw new IllegalArgumentException("allowed hours must read HH:mm-HH:mm, not '" + text + "'");
        }
        try {
            return new AllowedHours(LocalTime.parse(parts[0].trim()), LocalTime.parse(parts[1].trim()));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("allowed hours must read HH:mm-HH:mm, not '" + text + "'", e);
        }
    }

    public boolean contains(LocalTime time) {
        return start.isBefore(end) ? !time.isBefore(start) && time.isBefore(end)
                : !time.isBefore(start) || time.isBefore(end);
    }

    public boolean contains(Instant instant, ZoneId zone) {
        return contains(instant.atZone(zone).toLocalTime());
    }

    /** {@code from} itself when it is inside the hours, else the next time they open. */
    public Instant nextOpening(Instant from, ZoneId zone) {
        ZonedDateTime local = from.atZone(zone);
        if (contains(local.toLocalTime())) {
            return from;
        }
        LocalDate day = local.toLocalDate();
        ZonedDateTime opening = ZonedDateTime.of(day, start, zone);
        if (!opening.isAfter(local)) {
            opening = ZonedDateTime.of(day.plusDays(1), start, zone);
        }
        return opening.toInstant();
    }

    @Override
    public String toString() {
        return start + "-" + end;
    }
}
