package io.windbell.notification;

import java.time.ZoneId;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The service-wide settings of notification; each part has its own mapping under {@code windbell.notification.*}. */
@ConfigMapping(prefix = "windbell.notification")
public interface NotificationConfig {

    /** The bank's zone: quiet hours and digests of employees who set none, the dates in messages. */
    @WithDefault("Asia/Shanghai")
    ZoneId timeZone();

    /** The language of an employee who chose none and whose token names none ({@code zh-CN} or {@code en}). */
    @WithDefault("zh-CN")
    String defaultLocale();
}
