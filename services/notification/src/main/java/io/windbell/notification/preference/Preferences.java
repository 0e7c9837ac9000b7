package io.windbell.notification.preference;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.windbell.notification.NotificationConfig;
import io.windbell.notification.template.Locales;

/**
 * The employees' preferences ({@code preference}), read inside the caller's session. A change names the version it is
 * based on; the row's {@code version} counts from 1 (0 is the ETag of the defaults, while nothing is stored).
 */
@ApplicationScoped
public class Preferences {

    /** What a save did. */
    public enum Outcome {
        SAVED, STALE
    }

    private final NotificationConfig config;

    public Preferences(NotificationConfig config) {
        this.config = config;
    }

    /** {@code employeeId}'s settings, the defaults when none are stored. */
    public Uni<Settings> of(String employeeId) {
        return Panache.getSession().chain(session -> session.createNativeQuery(
                "select locale, email_enabled, email_address, quiet_start, quiet_end, time_zone, digest_low_priority,"
                        + " digest_at, version from preference where employee_id = ?1",
                Object[].class).setParameter(1, employeeId).getResultList()).map(this::settings);
    }

    /**
     * Stores {@code settings} when the stored version is {@code expected} (0: none stored yet), inside the caller's
     * transaction.
     */
    public Uni<Outcome> save(String employeeId, Settings settings, long expected, Instant now) {
        QuietHours quiet = settings.quietHours();
        // the API names the employee's zone with their quiet hours; without them the bank's zone applies
        String zone = quiet == null ? null : quiet.zone().getId();
        String sql = expected == 0
                ? "insert into preference (locale, email_enabled, email_address, quiet_start, quiet_end, time_zone,"
                        + " digest_low_priority, digest_at, updated_at, version, employee_id)"
                        + " values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, 1, ?10) on conflict (employee_id) do nothing"
                : "update preference set locale = ?1, email_enabled = ?2, email_address = ?3, quiet_start = ?4,"
                        + " quiet_end = ?5, time_zone = ?6, digest_low_priority = ?7, digest_at = ?8, updated_at = ?9,"
                        + " version = version + 1 where employee_id = ?10 and version = ?11";
        return Panache.getSession().chain(session -> {
            var query = session.createNativeQuery(sql).setParameter(1, settings.locale())
                    .setParameter(2, settings.emailEnabled()).setParameter(3, settings.emailAddress())
                    .setParameter(4, quiet == null ? null : quiet.start())
                    .setParameter(5, quiet == null ? null : quiet.end()).setParameter(6, zone)
                    .setParameter(7, settings.digestLowPriority()).setParameter(8, settings.digestAt())
                    .setParameter(9, now).setParameter(10, employeeId);
            if (expected != 0) {
                query.setParameter(11, expected);
            }
            return query.executeUpdate();
        }).map(changed -> changed == 1 ? Outcome.SAVED : Outcome.STALE);
    }

    private Settings settings(List<Object[]> rows) {
        ZoneId bank = config.timeZone();
        if (rows.isEmpty()) {
            return Settings.defaults(Locales.supported(config.defaultLocale(), config.defaultLocale()), bank);
        }
        Object[] r = rows.get(0);
        ZoneId zone = r[5] == null ? bank : ZoneId.of((String) r[5]);
        QuietHours quiet = r[3] == null || r[4] == null ? null : new QuietHours(time(r[3]), time(r[4]), zone);
        return new Settings(Locales.supported((String) r[0], config.defaultLocale()), (Boolean) r[1], (String) r[2],
                quiet, (Boolean) r[6], time(r[7]), zone, ((Number) r[8]).longValue());
    }

    private static LocalTime time(Object value) {
        return value instanceof java.sql.Time sql ? sql.toLocalTime() : (LocalTime) value;
    }
}
