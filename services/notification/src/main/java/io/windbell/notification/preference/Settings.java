package io.windbell.notification.preference;

import java.time.LocalTime;
import java.time.ZoneId;

/**
 * What an employee wants, with the defaults filled in where they chose nothing.
 *
 * @param emailAddress
 *            their own address for notifications; {@code null}: the one on file from their token
 * @param quietHours
 *            {@code null}: none
 * @param zone
 *            their zone (quiet hours, digest time, dates in messages): theirs, else the bank's
 * @param version
 *            the stored version, 0 while nothing is stored (the ETag of the defaults)
 */
public record Settings(String locale, boolean emailEnabled, String emailAddress, QuietHours quietHours,
        boolean digestLowPriority, LocalTime digestAt, ZoneId zone, long version) {

    /** The digest time when the employee chose none. */
    public static final LocalTime DEFAULT_DIGEST_AT = LocalTime.of(17, 30);

    /** The settings of an employee who stored none. */
    public static Settings defaults(String locale, ZoneId zone) {
        return new Settings(locale, true, null, null, false, DEFAULT_DIGEST_AT, zone, 0);
    }
}
