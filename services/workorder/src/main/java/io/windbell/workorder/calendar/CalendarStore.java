package io.windbell.workorder.calendar;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;

import io.windbell.platform.jdbc.Transactions;
import io.windbell.platform.problem.ProblemException;

/**
 * Tables {@code calendar}, {@code calendar_day} and {@code region_calendar} with plain JDBC: configuration read whole
 * into {@link BusinessCalendars} and edited by cx-admin, never on an order's reactive transaction.
 */
@ApplicationScoped
public class CalendarStore {

    /** PostgreSQL's foreign_key_violation: the calendar named does not exist. */
    private static final String FOREIGN_KEY_VIOLATION = "23503";

    /** Everything the tables hold. */
    public record Contents(Map<String, BusinessCalendar> calendars, Map<String, String> regions) {
    }

    private final DataSource dataSource;

    public CalendarStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public Contents load() {
        return run(c -> {
            Map<String, List<CalendarDay>> days = new HashMap<>();
            try (PreparedStatement ps = c.prepareStatement("select calendar_code, day, kind, name from calendar_day");
                    ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    days.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(new CalendarDay(
                            rs.getDate(2).toLocalDate(), DayKind.valueOf(rs.getString(3)), rs.getString(4)));
                }
            }
            Map<String, BusinessCalendar> calendars = new HashMap<>();
            try (PreparedStatement ps = c
                    .prepareStatement("select code, name, zone, week::text, make_up_weekday from calendar");
                    ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String code = rs.getString(1);
                    calendars.put(code,
                            BusinessCalendar.of(code, rs.getString(2), ZoneId.of(rs.getString(3)),
                                    WeekJson.read(rs.getString(4)), days.getOrDefault(code, List.of()),
                                    DayOfWeek.valueOf(rs.getString(5))));
                }
            }
            Map<String, String> regions = new HashMap<>();
            try (PreparedStatement ps = c.prepareStatement("select region_id, calendar_code from region_calendar");
                    ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    regions.put(rs.getString(1), rs.getString(2));
                }
            }
            return new Contents(Map.copyOf(calendars), Map.copyOf(regions));
        });
    }

    /** Creates or replaces a calendar's name, zone, week and make-up weekday; its days stay. */
    public void putCalendar(BusinessCalendar calendar) {
        run(c -> {
            try (PreparedStatement ps = c.prepareStatement("""
                    insert into calendar (code, name, zone, week, make_up_weekday, updated_at)
                    values (?, ?, ?, cast(? as jsonb), ?, now())
                    on conflict (code) do update set name = excluded.name, zone = excluded.zone, week = excluded.week,
                        make_up_weekday = excluded.make_up_weekday, updated_at = now()""")) {
                ps.setString(1, calendar.code());
                ps.setString(2, calendar.name());
                ps.setString(3, calendar.zone().getId());
                ps.setString(4, WeekJson.write(calendar.week()));
                ps.setString(5, calendar.makeUpWeekday().name());
                ps.executeUpdate();
            }
            return null;
        });
    }

    /** Creates or replaces dated days of a calendar, all or none; 404 when the calendar does not exist. */
    public void putDays(String code, List<CalendarDay> days) {
        run(c -> {
            try (PreparedStatement ps = c.prepareStatement("""
                    insert into calendar_day (calendar_code, day, kind, name) values (?, ?, ?, ?)
                    on conflict (calendar_code, day) do update set kind = excluded.kind, name = excluded.name""")) {
                for (CalendarDay day : days) {
                    ps.setString(1, code);
                    ps.setDate(2, Date.valueOf(day.date()));
                    ps.setString(3, day.kind().name());
                    ps.setString(4, day.name());
                    ps.addBatch();
                }
                ps.executeBatch();
            } catch (SQLException e) {
                throw unknownCalendar(e, code);
            }
            touch(c, code);
            return null;
        });
    }

    /** Removes a dated day, so the week decides again; whether there was one. */
    public boolean deleteDay(String code, LocalDate date) {
        return run(c -> {
            try (PreparedStatement ps = c
                    .prepareStatement("delete from calendar_day where calendar_code = ? and day = ?")) {
                ps.setString(1, code);
                ps.setDate(2, Date.valueOf(date));
                boolean deleted = ps.executeUpdate() > 0;
                touch(c, code);
                return deleted;
            }
        });
    }

    /** Puts a region's orders on a calendar; 404 when the calendar does not exist. */
    public void putRegion(String regionId, String code) {
        run(c -> {
            try (PreparedStatement ps = c.prepareStatement("""
                    insert into region_calendar (region_id, calendar_code) values (?, ?)
                    on conflict (region_id) do update set calendar_code = excluded.calendar_code""")) {
                ps.setString(1, regionId);
                ps.setString(2, code);
                ps.executeUpdate();
            } catch (SQLException e) {
                throw unknownCalendar(e, code);
            }
            return null;
        });
    }

    private static void touch(Connection c, String code) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("update calendar set updated_at = now() where code = ?")) {
            ps.setString(1, code);
            ps.executeUpdate();
        }
    }

    private static SQLException unknownCalendar(SQLException e, String code) {
        if (FOREIGN_KEY_VIOLATION.equals(e.getSQLState())
                || e.getNextException() != null && FOREIGN_KEY_VIOLATION.equals(e.getNextException().getSQLState())) {
            throw ProblemException.notFound("calendar", code);
        }
        return e;
    }

    private <T> T run(Transactions.Work<T> work) {
        try {
            return Transactions.inTransaction(dataSource, work);
        } catch (SQLException e) {
            throw new IllegalStateException("calendar store failed: " + e.getMessage(), e);
        }
    }
}
