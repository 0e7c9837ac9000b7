package io.windbell.ingest.intake;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.windbell.contracts.touchpoint.TouchpointRecorded;
import io.windbell.platform.problem.Problem;
import io.windbell.platform.problem.ProblemException;
import io.windbell.platform.problem.Violation;

/**
 * Reads a request body into submissions, for every format channel apps may send: plain JSON (one event or an array),
 * NDJSON, and the CloudEvents HTTP binding (structured, batched and binary mode). Pure: no I/O.
 */
public final class BodyReader {

    public static final String JSON = "application/json";
    public static final String NDJSON = "application/x-ndjson";
    public static final String CLOUDEVENT = "application/cloudevents+json";
    public static final String CLOUDEVENT_BATCH = "application/cloudevents-batch+json";

    private final ObjectMapper mapper;

    public BodyReader(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /**
     * Reads the body of {@code POST /v1/events}: one event, as JSON, a structured CloudEvent, or a binary-mode
     * CloudEvent whose attributes are the {@code ce-*} headers.
     */
    public Submission single(String contentType, Map<String, String> ceHeaders, byte[] body) {
        String media = media(contentType);
        if (!media.equals(JSON) && !media.equals(CLOUDEVENT)) {
            throw unsupported(contentType, JSON + ", " + CLOUDEVENT);
        }
        String raw = new String(body, StandardCharsets.UTF_8);
        JsonNode node = parse(body);
        if (media.equals(CLOUDEVENT)) {
            return fromCloudEvent(0, node, raw);
        }
        return ceHeaders.containsKey("ce-specversion") ? fromBinaryCloudEvent(ceHeaders, node, raw)
                : Submission.of(0, node, raw);
    }

    /** Reads the body of {@code POST /v1/events/batch}: a JSON array, NDJSON, or a CloudEvents batch. */
    public List<Submission> batch(String contentType, byte[] body) {
        return switch (media(contentType)) {
        case JSON -> array(parse(body), false);
        case CLOUDEVENT_BATCH -> array(parse(body), true);
        case NDJSON -> lines(new String(body, StandardCharsets.UTF_8));
        default -> throw unsupported(contentType, JSON + ", " + NDJSON + ", " + CLOUDEVENT_BATCH);
        };
    }

    private List<Submission> array(JsonNode node, boolean cloudEvents) {
        if (!node.isArray()) {
            throw malformed("$", "a batch must be a JSON array of events");
        }
        List<Submission> items = new ArrayList<>(node.size());
        int i = 0;
        for (JsonNode element : node) {
            String raw = element.toString();
            items.add(cloudEvents ? fromCloudEvent(i, element, raw) : Submission.of(i, element, raw));
            i++;
        }
        return items;
    }

    private List<Submission> lines(String body) {
        List<Submission> items = new ArrayList<>();
        int i = 0;
        for (String line : body.split("\r?\n")) {
            if (line.isBlank()) {
                continue;
            }
            try {
                items.add(Submission.of(i, mapper.readTree(line), line));
            } catch (JsonProcessingException e) {
                items.add(Submission.unreadable(i, line,
                        List.of(new Violation("$", "line is not JSON: " + e.getOriginalMessage()))));
            }
            i++;
        }
        return items;
    }

    private Submission fromCloudEvent(int index, JsonNode envelope, String raw) {
        if (!envelope.isObject()) {
            return Submission.unreadable(index, raw, List.of(new Violation("$", "must be a CloudEvent object")));
        }
        List<Violation> violations = new ArrayList<>();
        checkEnvelope(text(envelope, "specversion"), text(envelope, "type"), violations);
        JsonNode data = envelope.get("data");
        if (data == null || !data.isObject()) {
            violations.add(new Violation("data", "must be the touchpoint event as a JSON object"));
        }
        if (!violations.isEmpty()) {
            return Submission.unreadable(index, raw, violations);
        }
        return Submission.of(index,
                withDefaults((ObjectNode) data.deepCopy(), text(envelope, "id"), text(envelope, "time")), raw);
    }

    private Submission fromBinaryCloudEvent(Map<String, String> ce, JsonNode data, String raw) {
        List<Violation> violations = new ArrayList<>();
        checkEnvelope(ce.get("ce-specversion"), ce.get("ce-type"), violations);
        if (!data.isObject()) {
            violations.add(new Violation("$", "must be the touchpoint event as a JSON object"));
        }
        if (!violations.isEmpty()) {
            return Submission.unreadable(0, raw, violations);
        }
        return Submission.of(0, withDefaults((ObjectNode) data, ce.get("ce-id"), ce.get("ce-time")), raw);
    }

    private static void checkEnvelope(String specVersion, String type, List<Violation> violations) {
        if (!"1.0".equals(specVersion)) {
            violations.add(new Violation("specversion", "must be 1.0"));
        }
        if (!TouchpointRecorded.TYPE.equals(type)) {
            violations.add(new Violation("type", "must be " + TouchpointRecorded.TYPE));
        }
    }

    /** The CloudEvent's id and time stand in for eventId and occurredAt when the data does not carry them. */
    private static ObjectNode withDefaults(ObjectNode data, String id, String time) {
        if (!data.has("eventId") && id != null) {
            data.put("eventId", id);
        }
        if (!data.has("occurredAt") && time != null) {
            data.put("occurredAt", time);
        }
        return data;
    }

    private JsonNode parse(byte[] body) {
        try {
            JsonNode node = mapper.readTree(body);
            if (node == null || node.isMissingNode()) {
                throw malformed("$", "the body is empty");
            }
            return node;
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? ""
                    : " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")";
            throw malformed("$", "not valid JSON" + where + ": " + e.getOriginalMessage());
        } catch (IOException e) {
            throw malformed("$", "unreadable body: " + e.getMessage());
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value != null && value.isTextual() ? value.textValue() : null;
    }

    static String media(String contentType) {
        if (contentType == null) {
            return JSON;
        }
        int semicolon = contentType.indexOf(';');
        return (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).trim().toLowerCase(Locale.ROOT);
    }

    /** The whole body could not be read as events; the caller quarantines it as it came. */
    public static final class MalformedBody extends ProblemException {
        MalformedBody(Problem problem) {
            super(problem);
        }
    }

    private static MalformedBody malformed(String field, String message) {
        return new MalformedBody(Problem.of("malformed-body", "Malformed request body", 400, message)
                .withViolations(List.of(new Violation(field, message))));
    }

    private static ProblemException unsupported(String contentType, String supported) {
        return new ProblemException(Problem.of("unsupported-media-type", "Unsupported media type", 415,
                "Content-Type " + contentType + " is not accepted here; use one of " + supported));
    }
}
