package io.windbell.notification.template;

import java.util.List;

/** The languages notification writes in. */
public final class Locales {

    public static final String ZH_CN = "zh-CN";
    public static final String EN = "en";
    public static final List<String> SUPPORTED = List.of(ZH_CN, EN);

    private Locales() {
    }

    /** {@code locale} when it is one of ours, else {@code fallback}. */
    public static String supported(String locale, String fallback) {
        return SUPPORTED.contains(locale) ? locale : fallback;
    }
}
