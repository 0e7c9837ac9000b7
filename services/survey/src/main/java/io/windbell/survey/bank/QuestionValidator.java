package io.windbell.survey.bank;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.windbell.contracts.Identifiers;
import io.windbell.contracts.survey.QuestionType;
import io.windbell.platform.problem.Violation;
import io.windbell.survey.bank.Question.Purpose;

/**
 * Checks a candidate {@link Question} before it is stored, so that assembly and the survey page can rely on it: both
 * locales present, placeholders assembly knows how to fill, options exactly where the type has them, scales only where
 * the type does not fix them, and a type that fits the purpose. Field names are JSON paths of the API document, e.g.
 * {@code options[1].label.en}.
 */
public final class QuestionValidator {

    /** The locales every text must have. */
    public static final List<String> LOCALES = List.of("zh-CN", "en");
    /** The placeholders assembly fills in per customer. */
    public static final Set<String> PLACEHOLDERS = Set.of("journey", "touchpoint", "product", "branch", "employee");

    /** Option ids exist only inside a question, so their rule lives here; every other code is in Identifiers. */
    static final Pattern OPTION_ID = Pattern.compile("^[A-Z][A-Z0-9_]{0,63}$");
    static final Pattern PLACEHOLDER = Pattern.compile("\\{([^{}]*)}");
    static final int MAX_TEXT = 500;
    static final int MAX_LABEL = 200;
    static final int MAX_SCALE = 10;

    private QuestionValidator() {
    }

    /** Every rule the question breaks, in document order; empty when it may be stored. */
    public static List<Violation> validate(Question q) {
        List<Violation> out = new ArrayList<>();
        if (!Identifiers.isQuestionId(q.id())) {
            out.add(new Violation("id", "must match " + Identifiers.QUESTION_ID_REGEX + ", e.g. Q_NPS_WEALTH"));
        }
        if (q.type() == null) {
            out.add(new Violation("type", "must be one of " + Arrays.toString(QuestionType.values())));
        }
        if (q.purpose() == null) {
            out.add(new Violation("purpose", "must be one of " + Arrays.toString(Purpose.values())));
        }
        typeFitsPurpose(out, q.type(), q.purpose());
        texts(out, "text", q.text(), MAX_TEXT, q.purpose());
        options(out, q);
        scale(out, q);
        tags(out, q.tags());
        if (q.answeredByBehaviour() != null && !Behaviour.isKnown(q.answeredByBehaviour())) {
            out.add(new Violation("answeredByBehaviour",
                    "must be one of " + Arrays.toString(Behaviour.values()) + " or absent"));
        }
        return List.copyOf(out);
    }

    private static void typeFitsPurpose(List<Violation> out, QuestionType type, Purpose purpose) {
        if (type == null || purpose == null) {
            return;
        }
        String required = switch (purpose) {
        case ANCHOR, FOLLOW_UP -> anchorType(type) ? null : "NPS, CSAT or CES";
        case WHAT_WENT_WRONG -> type == QuestionType.MULTIPLE_CHOICE ? null : "MULTIPLE_CHOICE";
        case OPEN_TEXT -> type == QuestionType.OPEN_TEXT ? null : "OPEN_TEXT";
        default -> null;
        };
        if (required != null) {
            out.add(new Violation("type", "a " + purpose + " question must be of type " + required));
        }
    }

    private static boolean anchorType(QuestionType type) {
        return type == QuestionType.NPS || type == QuestionType.CSAT || type == QuestionType.CES;
    }

    /** Both locales, non-blank, not too long, only known placeholders ({@code {touchpoint}} only where it fits). */
    private static void texts(List<Violation> out, String field, Map<String, String> texts, int max, Purpose purpose) {
        for (String locale : LOCALES) {
            String value = texts.get(locale);
            String path = field + "." + locale;
            if (value == null || value.isBlank()) {
                out.add(new Violation(path, "must not be blank: every text is needed in " + LOCALES));
            } else if (value.length() > max) {
                out.add(new Violation(path, "must be at most " + max + " characters"));
            } else {
                placeholders(out, path, value, purpose);
            }
        }
        for (String locale : new TreeSet<>(texts.keySet())) {
            if (!LOCALES.contains(locale)) {
                out.add(new Violation(field + "." + locale, "unknown locale: only " + LOCALES));
            }
        }
    }

    private static void placeholders(List<Violation> out, String path, String text, Purpose purpose) {
        Matcher m = PLACEHOLDER.matcher(text);
        while (m.find()) {
            String name = m.group(1);
            if (!PLACEHOLDERS.contains(name)) {
                out.add(new Violation(path, "unknown placeholder {" + name + "}: only "
                        + new TreeSet<>(PLACEHOLDERS).stream().map(p -> "{" + p + "}").toList()));
            } else if (name.equals("touchpoint") && purpose != null && purpose != Purpose.TOUCHPOINT) {
                out.add(new Violation(path, "{touchpoint} is only known in TOUCHPOINT questions"));
            }
        }
    }

    private static void options(List<Violation> out, Question q) {
        boolean choice = q.type() == QuestionType.SINGLE_CHOICE || q.type() == QuestionType.MULTIPLE_CHOICE;
        List<Question.Option> options = q.options();
        if (q.purpose() == Purpose.WHAT_WENT_WRONG) {
            if (!options.isEmpty()) {
                out.add(new Violation("options",
                        "must be empty: the options of WHAT_WENT_WRONG are the touchpoints the customer visited"));
            }
            return;
        }
        if (!choice) {
            if (!options.isEmpty() && q.type() != null) {
                out.add(new Violation("options", "must be empty: only choice questions have options"));
            }
            return;
        }
        if (options.size() < 2) {
            out.add(new Violation("options", "a choice question needs at least 2 options"));
        }
        Map<String, Integer> indexOf = new HashMap<>();
        for (int i = 0; i < options.size(); i++) {
            Question.Option option = options.get(i);
            String path = "options[" + i + "]";
            if (option.id() == null || !OPTION_ID.matcher(option.id()).matches()) {
                out.add(new Violation(path + ".id", "must match " + OPTION_ID.pattern()));
            } else {
                Integer first = indexOf.putIfAbsent(option.id(), i);
                if (first != null) {
                    out.add(new Violation(path + ".id",
                            "duplicate option id " + option.id() + " (also options[" + first + "])"));
                }
            }
            // labels are shown as they are: no placeholders
            for (String locale : LOCALES) {
                String label = option.label().get(locale);
                if (label == null || label.isBlank()) {
                    out.add(new Violation(path + ".label." + locale, "must not be blank"));
                } else if (label.length() > MAX_LABEL) {
                    out.add(new Violation(path + ".label." + locale, "must be at most " + MAX_LABEL + " characters"));
                }
            }
            for (String locale : new TreeSet<>(option.label().keySet())) {
                if (!LOCALES.contains(locale)) {
                    out.add(new Violation(path + ".label." + locale, "unknown locale: only " + LOCALES));
                }
            }
        }
    }

    private static void scale(List<Violation> out, Question q) {
        Integer min = q.scaleMin();
        Integer max = q.scaleMax();
        if (q.type() == QuestionType.RATING) {
            if (min == null || min < 0 || min >= MAX_SCALE) {
                out.add(new Violation("scaleMin", "a RATING question needs a scaleMin of 0.." + (MAX_SCALE - 1)));
            }
            if (max == null || max < 1 || max > MAX_SCALE) {
                out.add(new Violation("scaleMax", "a RATING question needs a scaleMax of 1.." + MAX_SCALE));
            } else if (min != null && min >= 0 && min < MAX_SCALE && max <= min) {
                out.add(new Violation("scaleMax", "must be greater than scaleMin (" + min + ")"));
            }
            return;
        }
        if (q.type() == null) {
            return;
        }
        String why = anchorType(q.type()) ? q.type() + " has a fixed scale (NPS 0-10, CSAT 1-5, CES 1-7)"
                : "only RATING questions have a scale";
        if (min != null) {
            out.add(new Violation("scaleMin", "must be absent: " + why));
        }
        if (max != null) {
            out.add(new Violation("scaleMax", "must be absent: " + why));
        }
    }

    private static void tags(List<Violation> out, Question.Tags tags) {
        codes(out, "tags.journeys", tags.journeys(), Identifiers.JOURNEY_CODE, "a journey code, e.g. WEALTH_PURCHASE");
        codes(out, "tags.phases", tags.phases(), Identifiers.PHASE_CODE, "a phase code, e.g. BEFORE_INVESTING");
        for (int i = 0; i < tags.touchpoints().size(); i++) {
            String tp = tags.touchpoints().get(i);
            if (!Identifiers.isTouchpointCode(tp)) {
                out.add(new Violation("tags.touchpoints[" + i + "]", "must be a touchpoint code of at most "
                        + Identifiers.TOUCHPOINT_CODE_MAX + " characters, e.g. wealth.order_submit"));
            }
        }
        codes(out, "tags.factors", tags.factors(), Identifiers.FACTOR_CODE, "a factor code, e.g. EASE");
        codes(out, "tags.channels", tags.channels(), Identifiers.CHANNEL_CODE, "a channel code, e.g. MOBILE_APP");
    }

    static void codes(List<Violation> out, String field, List<String> values, Pattern pattern, String what) {
        Set<String> seen = new java.util.HashSet<>();
        for (int i = 0; i < values.size(); i++) {
            String value = values.get(i);
            if (value == null || !pattern.matcher(value).matches()) {
                out.add(new Violation(field + "[" + i + "]", "must be " + what + " (" + pattern.pattern() + ")"));
            } else if (!seen.add(value)) {
                out.add(new Violation(field + "[" + i + "]", "duplicate " + value));
            }
        }
    }
}
