package io.windbell.scoring.rollup;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.List;

import io.windbell.platform.paging.QueryParams;
import io.windbell.platform.problem.Violation;

/**
 * The day parameters of every scoring API: the bank's calendar days ({@code 2025-11-18}, the rollups' {@code day}), a
 * range both ends included, at most {@value #MAX_DAYS} days unless the API says less; by default the last
 * {@value #DEFAULT_DAYS} days up to today in the bank's time zone.
 */
public record DayRange(LocalDate from, LocalDate to) {

    public static final int MAX_DAYS = 400;
    public static final int DEFAULT_DAYS = 30;
    static final String DATE_FORMAT = "yyyy-MM-dd";

    /** Phase one: the format of both dates, on {@code params}; {@code null} values stand for the defaults. */
    public static LocalDate[] parse(QueryParams params, String from, String to) {
        return new LocalDate[] { date(params, "from", from), date(params, "to", to) };
    }

    /**
     * Phase two, after {@code params.check()}: defaults, order and length; problems are added to {@code violations}.
     */
    public static DayRange of(LocalDate from, LocalDate to, ZoneId zone, Instant now, List<Violation> violations) {
        return of(from, to, zone, now, DEFAULT_DAYS, MAX_DAYS, violations);
    }

    /** {@link #of} with an API's own default length and longest range. */
    public static DayRange of(LocalDate from, LocalDate to, ZoneId zone, Instant now, int defaultDays, int maxDays,
            List<Violation> violations) {
        LocalDate end = to != null ? to : LocalDate.ofInstant(now, zone);
        LocalDate start = from != null ? from : end.minusDays(defaultDays - 1L);
        if (start.isAfter(end)) {
            violations.add(new Violation("from", "must not be after to"));
        } else if (ChronoUnit.DAYS.between(start, end) + 1 > maxDays) {
            violations.add(new Violation("to", "the range may span at most " + maxDays + " days"));
        }
        return new DayRange(start, end);
    }

    /** One bank day parameter ({@code yyyy-MM-dd}, 1970..9999), a violation of {@code field} otherwise. */
    public static LocalDate date(QueryParams params, String field, String value) {
        String text = params.id(field, value, DayRange::isDate, DATE_FORMAT);
        return text == null ? null : LocalDate.parse(text);
    }

    private static boolean isDate(String value) {
        try {
            LocalDate date = LocalDate.parse(value);
            return date.getYear() >= 1970 && date.getYear() <= 9999;
        } catch (DateTimeParseException e) {
            return false;
        }
    }
}
