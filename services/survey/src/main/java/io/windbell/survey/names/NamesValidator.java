package io.windbell.survey.names;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Pattern;

import io.windbell.platform.problem.Violation;

/** Checks display names before they are stored: both locales, short enough to pipe into a question. */
public final class NamesValidator {

    /** The locales every name is needed in. */
    public static final List<String> LOCALES = List.of("zh-CN", "en");
    /** Journey codes, touchpoint codes, product ids, branch and employee ids all fit. */
    public static final Pattern CODE = Pattern.compile("^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$");
    static final int MAX_NAME = 120;

    private NamesValidator() {
    }

    /** Every rule the names break; empty when they may be stored. */
    public static List<Violation> validate(String code, Map<String, String> names) {
        List<Violation> out = new ArrayList<>();
        if (code == null || !CODE.matcher(code).matches()) {
            out.add(new Violation("code", "must match " + CODE.pattern() + ", e.g. WM-CASH-001"));
        }
        if (names == null) {
            out.add(new Violation("names", "is required: {\"zh-CN\": ..., \"en\": ...}"));
            return out;
        }
        for (String locale : LOCALES) {
            String name = names.get(locale);
            if (name == null || name.isBlank()) {
                out.add(new Violation("names." + locale, "must not be blank"));
            } else if (name.length() > MAX_NAME) {
                out.add(new Violation("names." + locale, "must be at most " + MAX_NAME + " characters"));
            } else if (name.indexOf('{') >= 0 || name.indexOf('}') >= 0) {
                out.add(new Violation("names." + locale, "must not contain { or }: names are piped into texts"));
            }
        }
        for (String locale : new TreeSet<>(names.keySet())) {
            if (!LOCALES.contains(locale)) {
                out.add(new Violation("names." + locale, "unknown locale: only " + LOCALES));
            }
        }
        return out;
    }
}
