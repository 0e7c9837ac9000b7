package io.windbell.workorder.support;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** Every command on an order with a valid body (or none), so a test can send each of them. */
public final class Commands {

    /** command path (after {@code /v1/workorders/{id}/}) → a valid body, {@code null} for none. */
    public static final Map<String, String> VALID = valid();

    /** The commands a frontline employee's role may send at all. */
    public static final Set<String> FRONTLINE = Set.of("claim", "release", "start", "wait-for-customer", "resume",
            "resolve", "escalate", "comments", "contact-attempts");

    private Commands() {
    }

    private static Map<String, String> valid() {
        Map<String, String> bodies = new LinkedHashMap<>();
        bodies.put("claim", null);
        bodies.put("assign", "{\"employeeId\":\"E9999\",\"reason\":\"covering a leave\"}");
        bodies.put("release", "{}");
        bodies.put("start", null);
        bodies.put("wait-for-customer", "{\"reason\":\"call back tomorrow\"}");
        bodies.put("resume", null);
        bodies.put("resolve", "{\"outcome\":\"RECOVERED\",\"rootCause\":\"PROCESS\"}");
        bodies.put("close", "{}");
        bodies.put("reopen", "{\"reason\":\"QUALITY_REVIEW\"}");
        bodies.put("cancel", "{\"reason\":\"DUPLICATE\"}");
        bodies.put("escalate", "{\"reason\":\"customer insists\"}");
        bodies.put("comments", "{\"text\":\"left a voicemail\"}");
        bodies.put("contact-attempts", "{\"channel\":\"PHONE\",\"result\":\"NO_ANSWER\"}");
        return java.util.Collections.unmodifiableMap(bodies);
    }
}
