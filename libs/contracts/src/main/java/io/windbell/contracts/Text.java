package io.windbell.contracts;

/**
 * The one definition of a string Windbell accepts anywhere: in an event, a request body, a query or path parameter.
 * Everything accepted must be storable in PostgreSQL {@code text} unchanged and printable in a log line without forging
 * another one, so these code points are refused:
 * <ul>
 * <li>{@code U+0000} (PostgreSQL rejects it in {@code text} and {@code jsonb}: an event holding one could never be
 * stored);</li>
 * <li>the other C0 control characters except tab, line feed and carriage return ({@code U+0001–U+0008}, {@code U+000B},
 * {@code U+000C}, {@code U+000E–U+001F}): no legitimate form field holds them, and they garble logs and terminals;</li>
 * <li>the non-characters {@code U+FFFE} and {@code U+FFFF};</li>
 * <li>unpaired UTF-16 surrogates ({@code "\uD800"} in JSON): they have no UTF-8 form, so the database driver would
 * silently store {@code ?} instead.</li>
 * </ul>
 * Paired surrogates (emoji and other supplementary characters) are text like any other.
 * <p>
 * {@link #FORBIDDEN_REGEX} is the character class of the JSON Schemas' {@code pattern}: it covers every rule but the
 * surrogate one, which ECMA-262 patterns cannot state portably (without the {@code u} flag they see code units, and
 * every emoji would look unpaired). Validators check {@link #isAcceptable} in code as well.
 */
public final class Text {

    /** The refused code points that a regex character class can name in every dialect (all but the surrogates). */
    public static final String FORBIDDEN_CLASS = "\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F\\uFFFE\\uFFFF";

    /** A whole string without any of {@link #FORBIDDEN_CLASS}: the {@code pattern} of free-text schema fields. */
    public static final String TEXT_REGEX = "^[^" + FORBIDDEN_CLASS + "]*$";

    /** The plain-words reason a field violation gives. */
    public static final String RULE = "must not contain NUL, control characters other than tab and line breaks,"
            + " U+FFFE/U+FFFF or unpaired surrogates";

    private Text() {
    }

    /** Whether {@code value} is null or holds only acceptable code points. */
    public static boolean isAcceptable(String value) {
        return value == null || firstRefused(value) < 0;
    }

    /** The index of the first refused UTF-16 unit of {@code value}, or -1 when there is none. */
    public static int firstRefused(CharSequence value) {
        int length = value.length();
        for (int i = 0; i < length; i++) {
            char c = value.charAt(i);
            if (c < 0x20) {
                if (c != '\t' && c != '\n' && c != '\r') {
                    return i;
                }
            } else if (c >= 0xD800) {
                if (Character.isHighSurrogate(c)) {
                    if (i + 1 < length && Character.isLowSurrogate(value.charAt(i + 1))) {
                        i++;
                        continue;
                    }
                    return i;
                }
                if (Character.isLowSurrogate(c) || c == '\uFFFE' || c == '\uFFFF') {
                    return i;
                }
            }
        }
        return -1;
    }
}
