package io.windbell.workorder.calendar;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.windbell.workorder.RefreshingSnapshot;
import io.windbell.workorder.WorkorderConfig;

/**
 * Every business calendar and which region runs on which, in memory ({@link RefreshingSnapshot}): the
 * {@link WorkingTime} routing asks whether someone is on shift, and the calendar of an order's region for the SLA
 * clocks. A region without a calendar of its own runs on {@link WorkingTime#DEFAULT_CALENDAR}.
 */
@ApplicationScoped
public class BusinessCalendars implements WorkingTime {

    /** Before the default observer priority, so that consumers starting at startup find the calendars loaded. */
    static final int STARTUP_PRIORITY = 100;

    private static final Logger LOG = Logger.getLogger(BusinessCalendars.class);

    private final CalendarConfig config;
    private final RefreshingSnapshot<CalendarStore.Contents> snapshot;
    private final BusinessCalendar fallback;

    public BusinessCalendars(CalendarStore store, CalendarConfig config, WorkorderConfig workorder) {
        this.config = config;
        this.snapshot = new RefreshingSnapshot<>("calendars", store::load,
                new CalendarStore.Contents(Map.of(), Map.of()));
        this.fallback = continuous(ZoneId.of(workorder.timeZone()));
    }

    void onStart(@Observes @Priority(STARTUP_PRIORITY) StartupEvent event) {
        snapshot.start(config.refreshInterval());
    }

    void onStop(@Observes ShutdownEvent event) throws InterruptedException {
        snapshot.close();
    }

    /** Reloads now (after a change made through this replica). */
    public void reload() {
        snapshot.reload();
    }

    public Optional<BusinessCalendar> find(String code) {
        return Optional.ofNullable(snapshot.get().calendars().get(code));
    }

    /** Every calendar, by code. */
    public List<BusinessCalendar> all() {
        return snapshot.get().calendars().values().stream().sorted(Comparator.comparing(BusinessCalendar::code))
                .toList();
    }

    /** The calendar code a region is on, if it has one of its own. */
    public Optional<String> calendarOf(String regionId) {
        return regionId == null ? Optional.empty() : Optional.ofNullable(snapshot.get().regions().get(regionId));
    }

    /** The calendar an order of {@code regionId} (may be {@code null}) runs on. */
    public BusinessCalendar forRegion(String regionId) {
        return calendar(calendarOf(regionId).orElse(DEFAULT_CALENDAR));
    }

    @Override
    public boolean isWorking(String calendarCode, Instant at) {
        return calendar(calendarCode == null ? DEFAULT_CALENDAR : calendarCode).isWorking(at);
    }

    private BusinessCalendar calendar(String code) {
        Map<String, BusinessCalendar> calendars = snapshot.get().calendars();
        BusinessCalendar found = calendars.get(code);
        if (found == null) {
            found = calendars.get(DEFAULT_CALENDAR);
        }
        if (found == null) {
            // only before the first load or with the seed deleted: count every hour rather than stop every clock
            LOG.warnf("no calendar %s nor %s: counting every hour as business time", code, DEFAULT_CALENDAR);
            return fallback;
        }
        return found;
    }

    private static BusinessCalendar continuous(ZoneId zone) {
        Map<DayOfWeek, List<WorkingPeriod>> week = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek day : DayOfWeek.values()) {
            week.put(day, List.of(WorkingPeriod.of("00:00", "00:00")));
        }
        return BusinessCalendar.of(DEFAULT_CALENDAR, "every hour", zone, week, List.of(), null);
    }
}
