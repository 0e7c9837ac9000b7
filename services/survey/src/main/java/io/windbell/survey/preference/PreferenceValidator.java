package io.windbell.survey.preference;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import io.windbell.platform.problem.Violation;

/** Checks a contact preference before it is stored. */
public final class PreferenceValidator {

    /** The locales surveys are offered in. */
    public static final List<String> LOCALES = List.of("zh-CN", "en");
    /** Customer ids as the bank's systems issue them ({@code C00000001}); no spaces, no slashes. */
    public static final Pattern CUSTOMER_ID = Pattern.compile("^[A-Za-z0-9][A-Za-z0-9_.:-]{0,63}$");

    private PreferenceValidator() {
    }

    /** Every rule the preference breaks; empty when it may be stored. */
    public static List<Violation> validate(ContactPreference p) {
        List<Violation> out = new ArrayList<>();
        if (p.customerId() == null || !CUSTOMER_ID.matcher(p.customerId()).matches()) {
            out.add(new Violation("customerId", "must match " + CUSTOMER_ID.pattern()));
        }
        if (p.timeZone() != null && !ZoneId.getAvailableZoneIds().contains(p.timeZone())) {
            out.add(new Violation("timeZone", "must be an IANA time zone id, e.g. Asia/Shanghai, or absent"));
        }
        if (p.locale() != null && !LOCALES.contains(p.locale())) {
            out.add(new Violation("locale", "must be one of " + LOCALES + " or absent"));
        }
        return out;
    }
}
