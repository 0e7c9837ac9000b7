package io.windbell.workorder.calendar;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.zone.ZoneOffsetTransition;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A bank's working calendar, immutable: working periods per day of week in a zone, holidays (days off although the week
 * works) and 调休 make-up working days (days on although the week rests; they work the periods of
 * {@link #makeUpWeekday()}, Monday's by default). Business time is what the SLA clocks count: the time inside working
 * periods.
 * <p>
 * Daylight saving: a period is the stretch of real time from the instant the wall clock first shows its opening time to
 * the instant it last shows its closing time (a local time inside a spring-forward gap is the instant of the jump).
 * Business time is real elapsed time inside those stretches, so a period that contains the skipped hour is an hour
 * shorter, one that contains the repeated hour an hour longer, exactly as long as somebody on duty actually works.
 * {@link #plus} and {@link #between} use the same stretches, so each is the inverse of the other.
 */
public final class BusinessCalendar {

    /** How far {@link #plus} looks ahead before deciding that a calendar has no working time at all. */
    static final int MAX_DAYS = 3660;

    private final String code;
    private final String name;
    private final ZoneId zone;
    private final Map<DayOfWeek, List<WorkingPeriod>> week;
    private final Map<LocalDate, CalendarDay> days;
    private final DayOfWeek makeUpWeekday;

    /** Instants of one working period. */
    private record Stretch(Instant start, Instant end) {
    }

    private BusinessCalendar(String code, String name, ZoneId zone, Map<DayOfWeek, List<WorkingPeriod>> week,
            Map<LocalDate, CalendarDay> days, DayOfWeek makeUpWeekday) {
        this.code = code;
        this.name = name;
        this.zone = zone;
        this.week = week;
        this.days = days;
        this.makeUpWeekday = makeUpWeekday;
    }

    /**
     * @param week
     *            working periods per day of week; a day that is absent does not work
     * @param days
     *            the holidays and make-up working days
     * @param makeUpWeekday
     *            whose periods a make-up working day works; {@code null} for Monday
     *
     * @throws IllegalArgumentException
     *             when the periods of a day overlap
     */
    public static BusinessCalendar of(String code, String name, ZoneId zone, Map<DayOfWeek, List<WorkingPeriod>> week,
            List<CalendarDay> days, DayOfWeek makeUpWeekday) {
        Map<DayOfWeek, List<WorkingPeriod>> sorted = new EnumMap<>(DayOfWeek.class);
        week.forEach((day, periods) -> {
            List<WorkingPeriod> ordered = sorted(periods);
            overlap(ordered).ifPresent(problem -> {
                throw new IllegalArgumentException(day + ": " + problem);
            });
            if (!ordered.isEmpty()) {
                sorted.put(day, ordered);
            }
        });
        Map<LocalDate, CalendarDay> byDate = new TreeMap<>();
        days.forEach(day -> byDate.put(day.date(), day));
        return new BusinessCalendar(code, name, zone, Map.copyOf(sorted), Map.copyOf(byDate),
                makeUpWeekday == null ? DayOfWeek.MONDAY : makeUpWeekday);
    }

    /** Why periods (sorted by start) cannot make one day, if they cannot: two of them overlap. */
    public static Optional<String> overlap(List<WorkingPeriod> periods) {
        List<WorkingPeriod> ordered = sorted(periods);
        for (int i = 1; i < ordered.size(); i++) {
            WorkingPeriod before = ordered.get(i - 1);
            if (before.toMidnight() || before.end().isAfter(ordered.get(i).start())) {
                return Optional.of("working periods overlap: " + before.start() + "–" + before.end() + " and "
                        + ordered.get(i).start() + "–" + ordered.get(i).end());
            }
        }
        return Optional.empty();
    }

    public String code() {
        return code;
    }

    public String name() {
        return name;
    }

    public ZoneId zone() {
        return zone;
    }

    /** Working periods per day of week, sorted; days without work are absent. */
    public Map<DayOfWeek, List<WorkingPeriod>> week() {
        return week;
    }

    public DayOfWeek makeUpWeekday() {
        return makeUpWeekday;
    }

    /** The holidays and make-up working days of one year, by date. */
    public List<CalendarDay> days(int year) {
        return days.values().stream().filter(day -> day.date().getYear() == year)
                .sorted(Comparator.comparing(CalendarDay::date)).toList();
    }

    /** The working periods of a date, after holidays and make-up days. */
    public List<WorkingPeriod> periodsOn(LocalDate date) {
        CalendarDay exception = days.get(date);
        if (exception != null) {
            return exception.kind() == DayKind.HOLIDAY ? List.of() : week.getOrDefault(makeUpWeekday, List.of());
        }
        return week.getOrDefault(date.getDayOfWeek(), List.of());
    }

    public boolean isWorkingDay(LocalDate date) {
        return !periodsOn(date).isEmpty();
    }

    public boolean isWorking(Instant at) {
        for (Stretch stretch : stretches(localDate(at))) {
            if (!at.isBefore(stretch.start) && at.isBefore(stretch.end)) {
                return true;
            }
        }
        return false;
    }

    /** {@code at} if it is working time, else the start of the next working period. */
    public Instant nextWorkingInstant(Instant at) {
        LocalDate day = localDate(at);
        for (int i = 0; i < MAX_DAYS; i++, day = day.plusDays(1)) {
            for (Stretch stretch : stretches(day)) {
                if (stretch.end.isAfter(at)) {
                    return stretch.start.isAfter(at) ? stretch.start : at;
                }
            }
        }
        throw noWorkingTime();
    }

    /**
     * The instant at which {@code businessTime} of working time has passed since {@code start}: a due time. A target
     * that ends exactly at closing time is due at closing time, not at the next opening; a zero target is due at
     * {@code start}.
     */
    public Instant plus(Instant start, Duration businessTime) {
        if (businessTime.isNegative()) {
            throw new IllegalArgumentException("business time cannot be negative: " + businessTime);
        }
        if (businessTime.isZero()) {
            return start;
        }
        Duration remaining = businessTime;
        LocalDate day = localDate(start);
        for (int i = 0; i < MAX_DAYS; i++, day = day.plusDays(1)) {
            for (Stretch stretch : stretches(day)) {
                if (!stretch.end.isAfter(start)) {
                    continue;
                }
                Instant from = stretch.start.isAfter(start) ? stretch.start : start;
                Duration available = Duration.between(from, stretch.end);
                if (remaining.compareTo(available) <= 0) {
                    return from.plus(remaining);
                }
                remaining = remaining.minus(available);
            }
        }
        throw noWorkingTime();
    }

    /** The working time between two instants; zero when {@code to} is not after {@code from}. */
    public Duration between(Instant from, Instant to) {
        Duration total = Duration.ZERO;
        if (!to.isAfter(from)) {
            return total;
        }
        LocalDate last = localDate(to);
        for (LocalDate day = localDate(from); !day.isAfter(last); day = day.plusDays(1)) {
            for (Stretch stretch : stretches(day)) {
                Instant start = stretch.start.isAfter(from) ? stretch.start : from;
                Instant end = stretch.end.isBefore(to) ? stretch.end : to;
                if (end.isAfter(start)) {
                    total = total.plus(Duration.between(start, end));
                }
            }
        }
        return total;
    }

    private List<Stretch> stretches(LocalDate day) {
        List<WorkingPeriod> periods = periodsOn(day);
        if (periods.isEmpty()) {
            return List.of();
        }
        List<Stretch> stretches = new ArrayList<>(periods.size());
        for (WorkingPeriod period : periods) {
            Instant start = opening(day.atTime(period.start()));
            Instant end = period.toMidnight() ? day.plusDays(1).atStartOfDay(zone).toInstant()
                    : closing(day.atTime(period.end()));
            if (end.isAfter(start)) {
                stretches.add(new Stretch(start, end));
            }
        }
        return stretches;
    }

    /** The first instant the wall clock shows {@code local}; the jump's instant when it is skipped. */
    private Instant opening(LocalDateTime local) {
        return gap(local).orElseGet(() -> ZonedDateTime.ofLocal(local, zone, null).withEarlierOffsetAtOverlap())
                .toInstant();
    }

    /** The last instant the wall clock shows {@code local}; the jump's instant when it is skipped. */
    private Instant closing(LocalDateTime local) {
        return gap(local).orElseGet(() -> ZonedDateTime.ofLocal(local, zone, null).withLaterOffsetAtOverlap())
                .toInstant();
    }

    private Optional<ZonedDateTime> gap(LocalDateTime local) {
        List<ZoneOffset> offsets = zone.getRules().getValidOffsets(local);
        if (!offsets.isEmpty()) {
            return Optional.empty();
        }
        ZoneOffsetTransition jump = zone.getRules().getTransition(local);
        return Optional.of(jump.getInstant().atZone(zone));
    }

    private LocalDate localDate(Instant at) {
        return at.atZone(zone).toLocalDate();
    }

    private IllegalStateException noWorkingTime() {
        return new IllegalStateException("calendar " + code + " has no working time within " + MAX_DAYS + " days");
    }

    private static List<WorkingPeriod> sorted(List<WorkingPeriod> periods) {
        return periods.stream().sorted(Comparator.comparing(WorkingPeriod::start)).toList();
    }

    @Override
    public String toString() {
        return "BusinessCalendar[" + code + ", " + zone + "]";
    }
}
