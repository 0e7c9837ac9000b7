package io.windbell.scoring.rollup;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;

import io.windbell.platform.paging.QueryParams;

/** The day parameters of the period queries: the bank's calendar days, like the rollups' {@code day} column. */
public final class BankDays {

    private BankDays() {
    }

    /**
     * A day parameter: {@code 2025-03-01} is that day of the bank; an ISO-8601 instant names the bank's day it falls
     * on. Anything else, or a day outside 1970..9999, is a violation of {@code field} in {@code params}; absent is
     * {@code null}.
     */
    public static LocalDate day(QueryParams params, String field, String value, ZoneId zone) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            LocalDate day = LocalDate.parse(value.trim());
            if (day.getYear() >= 1970 && day.getYear() <= 9999) {
                return day;
            }
        } catch (DateTimeParseException e) {
            // not a plain day: perhaps an instant, which QueryParams parses and range-checks
        }
        Instant at = params.instant(field, value);
        return at == null ? null : LocalDate.ofInstant(at, zone);
    }
}
