package io.windbell.survey.support;

import static io.restassured.RestAssured.given;

import java.util.List;
import java.util.Map;

import io.restassured.http.ContentType;

/**
 * The survey rules the pipeline tests rely on, created through the admin API once per test JVM (the caller needs a
 * cx-admin identity). Priority 1000 beats every seeded rule; each test uses customers of its own, so the contact budget
 * of one never decides another.
 */
public final class TestRules {

    /** Interrupted wealth purchases: CES, sent at once, expires after 3 days or when the journey moves on. */
    public static final String WEALTH_INTERRUPTED = "T_WEALTH_INTERRUPTED";
    /** Completed loan applications: NPS, sent at once, expires after two seconds. */
    public static final String LOAN_COMPLETED = "T_LOAN_COMPLETED";

    private static boolean created;

    private TestRules() {
    }

    public static synchronized void ensure() {
        if (created) {
            return;
        }
        create(WEALTH_INTERRUPTED, "JOURNEY_INTERRUPTED", "WEALTH_PURCHASE", "CES",
                Map.of("after", "P3D", "onJourneyProgress", true, "onRecovery", true));
        create(LOAN_COMPLETED, "JOURNEY_COMPLETED", "LOAN_APPLICATION", "NPS",
                Map.of("after", "PT2S", "onJourneyProgress", false, "onRecovery", false));
        created = true;
    }

    private static void create(String code, String trigger, String journey, String metric, Map<String, Object> expiry) {
        Map<String, Object> rule = Map.ofEntries(Map.entry("code", code), Map.entry("name", code),
                Map.entry("active", true), Map.entry("priority", 1000), Map.entry("trigger", trigger),
                Map.entry("filter", Map.of("journeys", List.of(journey))), Map.entry("samplingRate", 1.0),
                Map.entry("delay", "PT0S"), Map.entry("expiry", expiry), Map.entry("maxQuestions", 3),
                Map.entry("anchorMetric", metric), Map.entry("surveyCode", code));
        int status = given().contentType(ContentType.JSON).body(rule).post("/v1/rules").then().extract().statusCode();
        if (status != 201 && status != 409) {
            throw new IllegalStateException("creating test rule " + code + " answered " + status);
        }
    }
}
