package io.windbell.notification.preference.rest;

import java.time.DateTimeException;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import io.windbell.notification.preference.QuietHours;
import io.windbell.notification.preference.Settings;
import io.windbell.notification.template.Locales;
import io.windbell.platform.problem.Violation;
import io.windbell.platform.versioning.Versioning;

/** Checks a preference document field by field and turns it into {@link Settings}; every invalid field is named. */
final class PreferenceRules {

    // one @, no spaces, a dot in the domain: the SMTP server is the judge of the rest
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s.]+(\\.[^@\\s.]+)+");
    private static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm")
            .withResolverStyle(ResolverStyle.STRICT);

    private PreferenceRules() {
    }

    /** The settings {@code document} asks for; 400 with one violation per invalid field. */
    static Settings settings(PreferenceDocument document, ZoneId bankZone) {
        List<Violation> violations = new ArrayList<>();
        if (document == null) {
            throw Versioning.invalid(List.of(new Violation("$", "a body is required")));
        }
        String locale = document.locale();
        if (locale == null || !Locales.SUPPORTED.contains(locale)) {
            violations.add(new Violation("locale", "must be one of " + Locales.SUPPORTED));
        }
        String email = document.emailAddress() == null || document.emailAddress().isBlank() ? null
                : document.emailAddress().trim();
        if (email != null && (email.length() > 254 || !EMAIL.matcher(email).matches())) {
            violations.add(new Violation("emailAddress", "must be an e-mail address such as name@bank.example"));
        }
        QuietHours quiet = quietHours(document.quietHours(), bankZone, violations);
        LocalTime digestAt = document.digestAt() == null ? Settings.DEFAULT_DIGEST_AT
                : time("digestAt", document.digestAt(), violations);
        if (!violations.isEmpty()) {
            throw Versioning.invalid(violations);
        }
        return new Settings(locale, document.emailEnabled() == null || document.emailEnabled(), email, quiet,
                Boolean.TRUE.equals(document.digestLowPriority()), digestAt, quiet == null ? bankZone : quiet.zone(),
                0);
    }

    private static QuietHours quietHours(PreferenceDocument.QuietHoursDocument quiet, ZoneId bankZone,
            List<Violation> violations) {
        if (quiet == null) {
            return null;
        }
        LocalTime start = time("quietHours.start", quiet.start(), violations);
        LocalTime end = time("quietHours.end", quiet.end(), violations);
        ZoneId zone = bankZone;
        if (quiet.timeZone() != null) {
            try {
                zone = ZoneId.of(quiet.timeZone().trim());
            } catch (DateTimeException e) {
                violations.add(new Violation("quietHours.timeZone", "must be an IANA time zone, e.g. Asia/Shanghai"));
                zone = null;
            }
        }
        if (start != null && end != null && start.equals(end)) {
            violations.add(new Violation("quietHours.end", "must differ from the start"));
            return null;
        }
        return start == null || end == null || zone == null ? null : new QuietHours(start, end, zone);
    }

    private static LocalTime time(String field, String value, List<Violation> violations) {
        if (value == null) {
            violations.add(new Violation(field, "is required, as HH:mm"));
            return null;
        }
        try {
            return LocalTime.parse(value.trim(), HH_MM);
        } catch (DateTimeParseException e) {
            violations.add(new Violation(field, "must be a time of day as HH:mm, e.g. 21:00"));
            return null;
        }
    }
}
