package io.windbell.ingest.intake;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.windbell.contracts.EventContent;
import io.windbell.contracts.Identifiers;
import io.windbell.contracts.Text;
import io.windbell.contracts.touchpoint.Outcome;
import io.windbell.contracts.touchpoint.TouchpointRecorded;
import io.windbell.ingest.catalog.CatalogSnapshot;
import io.windbell.platform.problem.Violation;

/**
 * Checks one submitted touchpoint event field by field against the rules and the catalog, and builds the event to
 * publish. Pure: no I/O, so every rule is unit-tested without Quarkus.
 */
public final class EventValidator {

    /** Limits the validator enforces; taken from {@code windbell.ingest.*}. */
    public record Rules(Duration maxFutureSkew, Duration maxEventAge, int attributeMaxEntries, int attributeMaxDepth,
            int attributeMaxBytes) {
    }

    static final Set<String> FIELDS = Set.of("eventId", "occurredAt", "channel", "touchpoint", "customerId",
            "anonymousId", "sessionId", "outcome", "errorCode", "durationMs", "branchId", "employeeId", "productId",
            "locale", "attributes");
    private static final Pattern ERROR_CODE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,63}");
    private static final Pattern LOCALE = Pattern.compile("[a-z]{2,3}(-[A-Za-z0-9]{2,8}){0,3}");
    private static final long MAX_DURATION_MS = Duration.ofDays(30).toMillis();

    private final Rules rules;
    private final ObjectMapper mapper;
    private final Clock clock;

    public EventValidator(Rules rules, ObjectMapper mapper, Clock clock) {
        this.rules = rules;
        this.mapper = mapper;
        this.clock = clock;
    }

    /**
     * Validates one event object against the catalog as it is now. A string anywhere in it (any field, attribute keys
     * and values at any depth) that {@link Text} refuses is a violation at its path: such an event could never be
     * stored downstream, so it is rejected here rather than acknowledged and lost.
     */
    public Validated validate(JsonNode node, CatalogSnapshot catalog) {
        if (node == null || !node.isObject()) {
            return new Validated.Rejected(null, null, List.of(new Violation("$", "must be a JSON object")));
        }
        Fields f = new Fields(node);
        // first, so that no later message quotes a string that cannot be stored (the quarantine keeps the messages)
        for (String path : EventContent.refusedPaths(node)) {
            f.reject(path, Text.RULE);
        }
        for (Iterator<String> names = node.fieldNames(); names.hasNext();) {
            String name = names.next();
            if (!FIELDS.contains(name)) {
                f.reject(EventContent.path("", name), "unknown field");
            }
        }
        UUID eventId = f.uuid("eventId");
        OffsetDateTime occurredAt = f.timestamp("occurredAt");
        // channel and touchpoint are checked against the catalog, whose codes follow Identifiers
        String channel = f.text("channel", true, Identifiers.CHANNEL_CODE_MAX, null);
        String touchpoint = f.text("touchpoint", true, Identifiers.TOUCHPOINT_CODE_MAX, null);
        String customerId = f.text("customerId", false, Identifiers.CUSTOMER_ID_MAX, Identifiers.CUSTOMER_ID);
        String anonymousId = f.text("anonymousId", false, Identifiers.ANONYMOUS_ID_MAX, Identifiers.ANONYMOUS_ID);
        String sessionId = f.text("sessionId", false, 128, null);
        Outcome outcome = f.outcome();
        String errorCode = f.text("errorCode", false, 64, ERROR_CODE);
        Long durationMs = f.duration();
        String branchId = f.text("branchId", false, Identifiers.BRANCH_ID_MAX, Identifiers.BRANCH_ID);
        String employeeId = f.text("employeeId", false, Identifiers.EMPLOYEE_ID_MAX, Identifiers.EMPLOYEE_ID);
        String productId = f.text("productId", false, Identifiers.PRODUCT_ID_MAX, Identifiers.PRODUCT_ID);
        String locale = f.text("locale", false, 35, LOCALE);
        Map<String, Object> attributes = f.attributes();

        if (customerId == null && anonymousId == null && !f.has("customerId") && !f.has("anonymousId")) {
            f.reject("customerId", "customerId or anonymousId is required");
        }
        Instant now = clock.instant();
        if (occurredAt != null) {
            if (occurredAt.toInstant().isAfter(now.plus(rules.maxFutureSkew()))) {
                f.reject("occurredAt",
                        "lies more than " + rules.maxFutureSkew().toMinutes() + " minutes in the future");
            } else if (occurredAt.toInstant().isBefore(now.minus(rules.maxEventAge()))) {
                f.reject("occurredAt", "is older than the accepted age of " + rules.maxEventAge().toDays() + " days");
            }
        }
        checkCatalog(f, catalog, channel, touchpoint);
        if (!f.violations.isEmpty()) {
            return new Validated.Rejected(eventId != null ? eventId.toString() : rawText(node, "eventId"),
                    channel != null ? channel : rawText(node, "channel"), List.copyOf(f.violations));
        }
        return new Validated.Accepted(new TouchpointRecorded(eventId, occurredAt, now, channel, touchpoint, customerId,
                anonymousId, sessionId, outcome, errorCode, durationMs, branchId, employeeId, productId, locale,
                attributes));
    }

    private static void checkCatalog(Fields f, CatalogSnapshot catalog, String channel, String touchpoint) {
        boolean knownChannel = channel != null && catalog.channels().contains(channel);
        if (channel != null && !knownChannel) {
            f.reject("channel", "unknown channel '" + channel + "'");
        }
        if (touchpoint == null) {
            return;
        }
        CatalogSnapshot.TouchpointRule rule = catalog.touchpoints().get(touchpoint);
        if (rule == null) {
            f.reject("touchpoint", "unknown touchpoint '" + touchpoint + "'");
        } else if (!rule.active()) {
            f.reject("touchpoint", "touchpoint '" + touchpoint + "' is retired");
        } else if (knownChannel && !rule.channels().contains(channel)) {
            f.reject("touchpoint", "touchpoint '" + touchpoint + "' is not offered on channel " + channel);
        }
    }

    private static String rawText(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || !value.isTextual()) {
            return null;
        }
        String text = value.asText();
        if (!Text.isAcceptable(text)) {
            return null;
        }
        // cut at 64 units, never between the two halves of a surrogate pair
        return text.length() <= 64 ? text : text.substring(0, Character.isHighSurrogate(text.charAt(63)) ? 63 : 64);
    }

    /** Reads typed fields of one event, collecting a violation for each that is wrong. */
    private final class Fields {
        private final JsonNode node;
        private final List<Violation> violations = new ArrayList<>(2);

        Fields(JsonNode node) {
            this.node = node;
        }

        void reject(String field, String message) {
            violations.add(new Violation(field, message));
        }

        boolean has(String field) {
            JsonNode value = node.get(field);
            return value != null && !value.isNull();
        }

        String text(String field, boolean required, int maxLength, Pattern pattern) {
            JsonNode value = node.get(field);
            if (value == null || value.isNull()) {
                if (required) {
                    reject(field, "is required");
                }
                return null;
            }
            if (!value.isTextual()) {
                reject(field, "must be a string");
                return null;
            }
            String text = value.textValue();
            if (!Text.isAcceptable(text)) {
                return null; // reported with its path before the fields were read
            }
            if (text.isBlank()) {
                reject(field, "must not be blank");
                return null;
            }
            if (text.length() > maxLength) {
                reject(field, "must be at most " + maxLength + " characters");
                return null;
            }
            if (pattern != null && !pattern.matcher(text).matches()) {
                reject(field, "has characters that are not allowed (" + pattern.pattern() + ")");
                return null;
            }
            return text;
        }

        UUID uuid(String field) {
            String text = text(field, true, 36, null);
            if (text == null) {
                return null;
            }
            try {
                UUID id = UUID.fromString(text);
                if (text.length() == 36) {
                    return id;
                }
            } catch (IllegalArgumentException e) {
                // falls through to the violation
            }
            reject(field, "must be a UUID");
            return null;
        }

        OffsetDateTime timestamp(String field) {
            String text = text(field, true, 40, null);
            if (text == null) {
                return null;
            }
            try {
                return OffsetDateTime.parse(text);
            } catch (DateTimeParseException e) {
                reject(field, "must be an ISO-8601 date-time with offset, e.g. 2026-11-22T09:30:00+08:00");
                return null;
            }
        }

        Outcome outcome() {
            String text = text("outcome", true, 16, null);
            if (text == null) {
                return null;
            }
            try {
                return Outcome.valueOf(text);
            } catch (IllegalArgumentException e) {
                reject("outcome", "must be one of SUCCESS, FAILURE, ABANDONED, INFO");
                return null;
            }
        }

        Long duration() {
            JsonNode value = node.get("durationMs");
            if (value == null || value.isNull()) {
                return null;
            }
            if (!value.isIntegralNumber() || !value.canConvertToLong()) {
                reject("durationMs", "must be a whole number of milliseconds");
                return null;
            }
            long ms = value.longValue();
            if (ms < 0 || ms > MAX_DURATION_MS) {
                reject("durationMs", "must be between 0 and " + MAX_DURATION_MS);
                return null;
            }
            return ms;
        }

        @SuppressWarnings("unchecked")
        Map<String, Object> attributes() {
            JsonNode value = node.get("attributes");
            if (value == null || value.isNull()) {
                return null;
            }
            if (!value.isObject()) {
                reject("attributes", "must be a JSON object");
                return null;
            }
            int[] entries = { 0 };
            int depth = depth(value, 1, entries);
            if (depth > rules.attributeMaxDepth()) {
                reject("attributes", "must be nested at most " + rules.attributeMaxDepth() + " levels deep");
                return null;
            }
            if (entries[0] > rules.attributeMaxEntries()) {
                reject("attributes", "must hold at most " + rules.attributeMaxEntries() + " entries");
                return null;
            }
            try {
                if (mapper.writeValueAsString(value).getBytes(StandardCharsets.UTF_8).length > rules
                        .attributeMaxBytes()) {
                    reject("attributes", "must be at most " + rules.attributeMaxBytes() + " bytes as JSON");
                    return null;
                }
            } catch (JsonProcessingException e) {
                reject("attributes", "cannot be serialised");
                return null;
            }
            return mapper.convertValue(value, Map.class);
        }

        private int depth(JsonNode value, int level, int[] entries) {
            int deepest = level;
            for (JsonNode child : value) {
                entries[0]++;
                if (child.isContainerNode()) {
                    deepest = Math.max(deepest, depth(child, level + 1, entries));
                }
            }
            return deepest;
        }
    }
}
