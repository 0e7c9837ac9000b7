package io.windbell.survey.assembly;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import io.windbell.survey.names.Names;

/**
 * Fills the placeholders of bank texts with display names, per locale of {@link SurveyAssembler#LOCALES}. A code is
 * never shown to a customer: an unknown name becomes a neutral phrase of the locale.
 */
final class Piping {

    /** Neutral phrases per kind and locale for names that are not known. */
    static final Map<Names.Kind, Map<String, String>> FALLBACKS = Map.of(Names.Kind.JOURNEY,
            Map.of("zh-CN", "本次服务", "en", "this service"), Names.Kind.TOUCHPOINT,
            Map.of("zh-CN", "这一步", "en", "this step"), Names.Kind.PRODUCT, Map.of("zh-CN", "该产品", "en", "this product"),
            Names.Kind.BRANCH, Map.of("zh-CN", "网点", "en", "the branch"), Names.Kind.EMPLOYEE,
            Map.of("zh-CN", "工作人员", "en", "our staff"));

    private final Names names;
    private final String journeyCode;
    private final String productId;
    private final String branchId;
    private final String employeeId;

    Piping(Names names, String journeyCode, String productId, String branchId, String employeeId) {
        this.names = names == null ? (kind, code, locale) -> Optional.empty() : names;
        this.journeyCode = journeyCode;
        this.productId = productId;
        this.branchId = branchId;
        this.employeeId = employeeId;
    }

    /** {@code source} (locale to text) piped for every offered locale; {@code touchpointCode} may be null. */
    Map<String, String> text(Map<String, String> source, String touchpointCode) {
        Map<String, String> piped = new LinkedHashMap<>();
        for (String locale : SurveyAssembler.LOCALES) {
            String text = sourceText(source, locale);
            text = replace(text, "{journey}", Names.Kind.JOURNEY, journeyCode, locale);
            text = replace(text, "{touchpoint}", Names.Kind.TOUCHPOINT, touchpointCode, locale);
            text = replace(text, "{product}", Names.Kind.PRODUCT, productId, locale);
            text = replace(text, "{branch}", Names.Kind.BRANCH, branchId, locale);
            text = replace(text, "{employee}", Names.Kind.EMPLOYEE, employeeId, locale);
            piped.put(locale, text);
        }
        return piped;
    }

    /**
     * The display name of {@code code} in every offered locale, borrowing another locale's name where one is missing (a
     * person's or a step's name beats a neutral phrase); empty when no locale knows it.
     */
    Optional<Map<String, String>> nameInEveryLocale(Names.Kind kind, String code) {
        if (!JourneyFacts.present(code)) {
            return Optional.empty();
        }
        Map<String, String> known = new LinkedHashMap<>();
        for (String locale : SurveyAssembler.LOCALES) {
            name(kind, code, locale).ifPresent(name -> known.put(locale, name));
        }
        if (known.isEmpty()) {
            return Optional.empty();
        }
        String borrowed = known.values().iterator().next();
        Map<String, String> all = new LinkedHashMap<>();
        SurveyAssembler.LOCALES.forEach(locale -> all.put(locale, known.getOrDefault(locale, borrowed)));
        return Optional.of(all);
    }

    Optional<Map<String, String>> employeeName() {
        return nameInEveryLocale(Names.Kind.EMPLOYEE, employeeId);
    }

    private String replace(String text, String placeholder, Names.Kind kind, String code, String locale) {
        if (!text.contains(placeholder)) {
            return text;
        }
        // A person is called by the same name in every locale; other kinds fall back to a neutral phrase.
        Optional<String> known = kind == Names.Kind.EMPLOYEE ? nameInEveryLocale(kind, code).map(all -> all.get(locale))
                : JourneyFacts.present(code) ? name(kind, code, locale) : Optional.empty();
        String name = known.orElse(null);
        return text.replace(placeholder, name != null ? name : FALLBACKS.get(kind).get(locale));
    }

    private Optional<String> name(Names.Kind kind, String code, String locale) {
        Optional<String> name = names.name(kind, code, locale);
        return name == null ? Optional.empty() : name.filter(JourneyFacts::present);
    }

    /** The bank requires both locales; should one be missing, the first offered locale that exists stands in. */
    private static String sourceText(Map<String, String> source, String locale) {
        String text = source.get(locale);
        if (text != null) {
            return text;
        }
        return SurveyAssembler.LOCALES.stream().map(source::get).filter(t -> t != null).findFirst()
                .orElse(source.values().stream().findFirst().orElse(""));
    }
}
