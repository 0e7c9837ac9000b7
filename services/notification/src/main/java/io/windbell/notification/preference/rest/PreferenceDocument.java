package io.windbell.notification.preference.rest;

import java.time.format.DateTimeFormatter;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.windbell.notification.preference.Settings;

/**
 * An employee's preferences as the API reads and writes them. On PUT every field but {@code locale} may be left out
 * (its default applies): {@code emailEnabled} true, {@code digestLowPriority} false, {@code digestAt} 17:30, no quiet
 * hours, no own address.
 */
public record PreferenceDocument(@Schema(examples = "zh-CN", description = "zh-CN or en") String locale,
        Boolean emailEnabled,
        @Schema(description = "an address of your own for notifications; null: the one of your account") String emailAddress,
        @Schema(description = "null: no quiet hours") QuietHoursDocument quietHours, Boolean digestLowPriority,
        @Schema(examples = "17:30", description = "HH:mm in your zone") String digestAt) {

    /** Quiet hours, {@code [start, end)} in {@code timeZone}; a start after the end spans midnight. */
    public record QuietHoursDocument(@Schema(examples = "21:00") String start, @Schema(examples = "08:00") String end,
            @Schema(examples = "Asia/Shanghai", description = "an IANA zone; default the bank's") String timeZone) {
    }

    static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm");

    static PreferenceDocument of(Settings settings) {
        QuietHoursDocument quiet = settings.quietHours() == null ? null
                : new QuietHoursDocument(HH_MM.format(settings.quietHours().start()),
                        HH_MM.format(settings.quietHours().end()), settings.quietHours().zone().getId());
        return new PreferenceDocument(settings.locale(), settings.emailEnabled(), settings.emailAddress(), quiet,
                settings.digestLowPriority(), HH_MM.format(settings.digestAt()));
    }
}
