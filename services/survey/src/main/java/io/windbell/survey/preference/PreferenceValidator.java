package io.windbell.survey.preference;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import io.windbell.contracts.Identifiers;
import io.windbell.platform.problem.Violation;

/** Checks a contact preference before it is stored. */
public final class PreferenceValidator {

    /** The locales surveys are offered in. */
    public static final List<String> LOCALES = List.of("zh-CN", "en");

    private PreferenceValidator() {
    }

    /** Every rule the preference breaks; empty when it may be stored. */
    public static List<Violation> validate(ContactPreference p) {
        List<Violation> out = new ArrayList<>();
        if (!Identifiers.isCustomerId(p.customerId())) {
            out.add(new Violation("customerId", "must match " + Identifiers.CUSTOMER_ID_REGEX));
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
