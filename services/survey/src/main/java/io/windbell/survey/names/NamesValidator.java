package io.windbell.survey.names;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Pattern;

import io.windbell.contracts.Identifiers;
import io.windbell.platform.problem.Violation;

/** Checks display names before they are stored: both locales, short enough to pipe into a question. */
public final class NamesValidator {

    /** The locales every name is needed in. */
    public static final List<String> LOCALES = List.of("zh-CN", "en");
    static final int MAX_NAME = 120;

    private NamesValidator() {
    }

    /** Every rule the names break; empty when they may be stored. The code must be a code of its kind. */
    public static List<Violation> validate(Names.Kind kind, String code, Map<String, String> names) {
        List<Violation> out = new ArrayList<>();
        Rule rule = rule(kind);
        if (!Identifiers.matches(rule.pattern(), rule.max(), code)) {
            out.add(new Violation("code", "must be a " + kind.name().toLowerCase(Locale.ROOT) + " code matching "
                    + rule.pattern().pattern() + ", e.g. " + rule.example()));
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

    private record Rule(Pattern pattern, int max, String example) {
    }

    private static Rule rule(Names.Kind kind) {
        return switch (kind) {
        case JOURNEY -> new Rule(Identifiers.JOURNEY_CODE, Identifiers.JOURNEY_CODE_MAX, "WEALTH_PURCHASE");
        case TOUCHPOINT -> new Rule(Identifiers.TOUCHPOINT_CODE, Identifiers.TOUCHPOINT_CODE_MAX,
                "wealth.risk_assessment");
        case PRODUCT -> new Rule(Identifiers.PRODUCT_ID, Identifiers.PRODUCT_ID_MAX, "WM-CASH-001");
        case BRANCH -> new Rule(Identifiers.BRANCH_ID, Identifiers.BRANCH_ID_MAX, "B0755012");
        case EMPLOYEE -> new Rule(Identifiers.EMPLOYEE_ID, Identifiers.EMPLOYEE_ID_MAX, "E100482");
        };
    }
}
