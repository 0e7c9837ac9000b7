package io.windbell.contracts;

import java.util.regex.Pattern;

/**
 * The one definition of what an identifier or catalog code may look like; every validator, OpenAPI annotation and JSON
 * Schema {@code pattern} uses these, so the rules cannot drift apart again.
 * <p>
 * Each kind has a regex string ({@code *_REGEX}, a compile-time constant for annotations such as
 * {@code @Pattern(regexp = ...)}), its compiled {@link Pattern}, its maximum length ({@code *_MAX}) and an {@code isX}
 * helper that checks both. The regexes are anchored so that they mean the same in Java ({@code matches()}) and in JSON
 * Schema (ECMA-262 search).
 * <p>
 * Ids never contain {@code @}: they travel in URL paths, Kafka keys and logs, and an e-mail-like customer id would be
 * personal data in every event. A bank that keys customers by e-mail maps them to an opaque id before sending.
 */
public final class Identifiers {

    /** Opaque ids issued by the bank's systems: a letter or digit, then letters, digits, {@code . _ : -}. */
    private static final String OPAQUE_ID = "^[A-Za-z0-9][A-Za-z0-9._:-]{0,63}$";
    /** Catalog codes in upper snake case, 3 to 64 characters. */
    private static final String CATALOG_CODE = "^[A-Z][A-Z0-9_]{2,63}$";
    /** Short classifier codes in upper snake case, 2 to 32 characters. */
    private static final String SHORT_CODE = "^[A-Z][A-Z0-9_]{1,31}$";

    /** Customer ids as the bank issues them (e.g. {@code C0755003318207}); no {@code @}, spaces or slashes. */
    public static final String CUSTOMER_ID_REGEX = OPAQUE_ID;
    public static final int CUSTOMER_ID_MAX = 64;
    public static final Pattern CUSTOMER_ID = Pattern.compile(CUSTOMER_ID_REGEX);

    /** Device or cookie ids before login (e.g. {@code dev-5b0e2c7a9d41f3e8}); same characters as customer ids. */
    public static final String ANONYMOUS_ID_REGEX = OPAQUE_ID;
    public static final int ANONYMOUS_ID_MAX = 64;
    public static final Pattern ANONYMOUS_ID = Pattern.compile(ANONYMOUS_ID_REGEX);

    /** Branch ids of the bank's organisation (e.g. {@code B0755012}); they appear in tokens and URLs. */
    public static final String BRANCH_ID_REGEX = OPAQUE_ID;
    public static final int BRANCH_ID_MAX = 64;
    public static final Pattern BRANCH_ID = Pattern.compile(BRANCH_ID_REGEX);

    /** Region ids of the bank's organisation (e.g. {@code R0755}), one level above branches. */
    public static final String REGION_ID_REGEX = OPAQUE_ID;
    public static final int REGION_ID_MAX = 64;
    public static final Pattern REGION_ID = Pattern.compile(REGION_ID_REGEX);

    /** Employee ids from the bank's HR system (e.g. {@code E100482}); never a login name or e-mail address. */
    public static final String EMPLOYEE_ID_REGEX = OPAQUE_ID;
    public static final int EMPLOYEE_ID_MAX = 64;
    public static final Pattern EMPLOYEE_ID = Pattern.compile(EMPLOYEE_ID_REGEX);

    /** Product ids from the bank's product catalogue (e.g. {@code WM-FH-180D}). */
    public static final String PRODUCT_ID_REGEX = OPAQUE_ID;
    public static final int PRODUCT_ID_MAX = 64;
    public static final Pattern PRODUCT_ID = Pattern.compile(PRODUCT_ID_REGEX);

    /** Journey definition codes (e.g. {@code WEALTH_PURCHASE}); 48 characters, the width of ingest's column. */
    public static final String JOURNEY_CODE_REGEX = "^[A-Z][A-Z0-9_]{1,47}$";
    public static final int JOURNEY_CODE_MAX = 48;
    public static final Pattern JOURNEY_CODE = Pattern.compile(JOURNEY_CODE_REGEX);

    /**
     * Touchpoint codes of ingest's catalog, {@code journey.step} in lower case (e.g. {@code wealth.risk_assessment}):
     * dot-separated, no empty segment.
     */
    public static final String TOUCHPOINT_CODE_REGEX = "^[a-z][a-z0-9_]*(\\.[a-z0-9_]+)+$";
    public static final int TOUCHPOINT_CODE_MAX = 64;
    public static final Pattern TOUCHPOINT_CODE = Pattern.compile(TOUCHPOINT_CODE_REGEX);

    /** Phase codes of a journey (e.g. {@code BEFORE_INVESTING}); 32 characters, the width of ingest's column. */
    public static final String PHASE_CODE_REGEX = SHORT_CODE;
    public static final int PHASE_CODE_MAX = 32;
    public static final Pattern PHASE_CODE = Pattern.compile(PHASE_CODE_REGEX);

    /** Channel codes of ingest's catalog (e.g. {@code MOBILE_APP}); digits allowed, for channels like {@code ATM2}. */
    public static final String CHANNEL_CODE_REGEX = SHORT_CODE;
    public static final int CHANNEL_CODE_MAX = 32;
    public static final Pattern CHANNEL_CODE = Pattern.compile(CHANNEL_CODE_REGEX);

    /** Experience factor codes that tag questions (e.g. {@code EASE}). */
    public static final String FACTOR_CODE_REGEX = SHORT_CODE;
    public static final int FACTOR_CODE_MAX = 32;
    public static final Pattern FACTOR_CODE = Pattern.compile(FACTOR_CODE_REGEX);

    /** Survey rule codes and the survey codes they stamp on invitations (e.g. {@code WEALTH_INTERRUPTED}). */
    public static final String SURVEY_CODE_REGEX = CATALOG_CODE;
    public static final int SURVEY_CODE_MAX = 64;
    public static final Pattern SURVEY_CODE = Pattern.compile(SURVEY_CODE_REGEX);

    /**
     * Ids of questions in the question bank (e.g. {@code Q_NPS_WEALTH}). An assembled survey may append
     * {@code @touchpoint} to one, so event fields holding question ids do not carry this pattern.
     */
    public static final String QUESTION_ID_REGEX = CATALOG_CODE;
    public static final int QUESTION_ID_MAX = 64;
    public static final Pattern QUESTION_ID = Pattern.compile(QUESTION_ID_REGEX);

    private Identifiers() {
    }

    /** Whether {@code value} is a customer id: {@link #CUSTOMER_ID_REGEX}, at most {@value #CUSTOMER_ID_MAX}. */
    public static boolean isCustomerId(String value) {
        return matches(CUSTOMER_ID, CUSTOMER_ID_MAX, value);
    }

    /** Whether {@code value} is an anonymous (device or cookie) id. */
    public static boolean isAnonymousId(String value) {
        return matches(ANONYMOUS_ID, ANONYMOUS_ID_MAX, value);
    }

    /** Whether {@code value} is a branch id. */
    public static boolean isBranchId(String value) {
        return matches(BRANCH_ID, BRANCH_ID_MAX, value);
    }

    public static boolean isRegionId(String value) {
        return matches(REGION_ID, REGION_ID_MAX, value);
    }

    /** Whether {@code value} is an employee id. */
    public static boolean isEmployeeId(String value) {
        return matches(EMPLOYEE_ID, EMPLOYEE_ID_MAX, value);
    }

    /** Whether {@code value} is a product id. */
    public static boolean isProductId(String value) {
        return matches(PRODUCT_ID, PRODUCT_ID_MAX, value);
    }

    /** Whether {@code value} is a journey definition code. */
    public static boolean isJourneyCode(String value) {
        return matches(JOURNEY_CODE, JOURNEY_CODE_MAX, value);
    }

    /** Whether {@code value} is a touchpoint code, at most {@value #TOUCHPOINT_CODE_MAX} characters. */
    public static boolean isTouchpointCode(String value) {
        return matches(TOUCHPOINT_CODE, TOUCHPOINT_CODE_MAX, value);
    }

    /** Whether {@code value} is a phase code. */
    public static boolean isPhaseCode(String value) {
        return matches(PHASE_CODE, PHASE_CODE_MAX, value);
    }

    /** Whether {@code value} is a channel code. */
    public static boolean isChannelCode(String value) {
        return matches(CHANNEL_CODE, CHANNEL_CODE_MAX, value);
    }

    /** Whether {@code value} is a factor code. */
    public static boolean isFactorCode(String value) {
        return matches(FACTOR_CODE, FACTOR_CODE_MAX, value);
    }

    /** Whether {@code value} is a survey rule or survey code. */
    public static boolean isSurveyCode(String value) {
        return matches(SURVEY_CODE, SURVEY_CODE_MAX, value);
    }

    /** Whether {@code value} is the id of a question in the bank. */
    public static boolean isQuestionId(String value) {
        return matches(QUESTION_ID, QUESTION_ID_MAX, value);
    }

    /** Whether {@code value} is non-null, at most {@code max} characters and matches {@code pattern} as a whole. */
    public static boolean matches(Pattern pattern, int max, String value) {
        return value != null && value.length() <= max && pattern.matcher(value).matches();
    }
}
