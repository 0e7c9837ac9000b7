package io.windbell.notification.page;

import java.net.URI;
import java.util.List;
import java.util.Locale;

/**
 * What the inbox page template shows: its strings in one language, and where the page's script logs in.
 *
 * @param issuer
 *            the realm's URL as the browser reaches it
 * @param clientId
 *            the public client the script logs in as
 */
public record InboxPage(InboxPageMessages m, String lang, String issuer, String clientId) {

    /**
     * The page's language: {@code ?lang=}, else the best match of the browser's {@code Accept-Language} (weights
     * included), else Chinese.
     */
    public static String language(String lang, String acceptLanguage) {
        for (String wanted : new String[] { lang, acceptLanguage }) {
            if (wanted == null || wanted.isBlank()) {
                continue;
            }
            try {
                List<Locale.LanguageRange> ranges = Locale.LanguageRange.parse(wanted.replace('_', '-'));
                String match = Locale.lookupTag(ranges, List.of("zh-CN", "zh", "en"));
                if (match != null) {
                    return match.startsWith("en") ? "en" : "zh-CN";
                }
            } catch (IllegalArgumentException malformed) {
                // a header no browser sends: the next source decides
            }
        }
        return "zh-CN";
    }

    /** The language the page's switch offers. */
    public String otherLang() {
        return lang.equals("en") ? "zh-CN" : "en";
    }

    /** The other language's name in itself ("English", "中文"), as a switch shows it. */
    public String otherLangName() {
        Locale other = Locale.forLanguageTag(otherLang());
        return other.getDisplayLanguage(other);
    }

    /**
     * The page's Content-Security-Policy: its own script and style only (nothing inline), and connections to itself
     * (the API, the stream) and to the identity provider (the token endpoint) only.
     */
    public static String contentSecurityPolicy(String issuer) {
        return "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self' "
                + origin(issuer) + "; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";
    }

    /** {@code scheme://host[:port]} of {@code url}. */
    static String origin(String url) {
        URI uri = URI.create(url);
        if (uri.getScheme() == null || uri.getHost() == null) {
            throw new IllegalArgumentException("windbell.notification.page.issuer is not an absolute URL: " + url);
        }
        return uri.getScheme() + "://" + uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort());
    }
}
