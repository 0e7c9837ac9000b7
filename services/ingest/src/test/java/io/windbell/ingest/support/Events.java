package io.windbell.ingest.support;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/** Builds touchpoint events as channel apps send them: valid by default, changed field by field in a test. */
public final class Events {

    private final Map<String, Object> fields = new LinkedHashMap<>();

    private Events() {
        fields.put("eventId", UUID.randomUUID().toString());
        fields.put("occurredAt", OffsetDateTime.now(ZoneOffset.ofHours(8)).minusSeconds(5).toString());
        fields.put("channel", "MOBILE_APP");
        fields.put("touchpoint", "wealth.risk_assessment");
        fields.put("customerId", "C" + (100000 + (int) (Math.random() * 899999)));
        fields.put("sessionId", "S-" + UUID.randomUUID());
        fields.put("outcome", "FAILURE");
        fields.put("errorCode", "RISK_ASSESSMENT_TIMEOUT");
        fields.put("durationMs", 8400);
        fields.put("productId", "WM-2024-001");
        fields.put("locale", "zh-CN");
        fields.put("attributes", Map.of("appVersion", "9.3.1", "os", "iOS"));
    }

    /** A valid wealth-purchase risk-assessment failure in the mobile app. */
    public static Events valid() {
        return new Events();
    }

    public Events with(String field, Object value) {
        fields.put(field, value);
        return this;
    }

    public Events without(String field) {
        fields.remove(field);
        return this;
    }

    public String eventId() {
        return (String) fields.get("eventId");
    }

    public String customerId() {
        return (String) fields.get("customerId");
    }

    public Map<String, Object> build() {
        return new LinkedHashMap<>(fields);
    }
}
