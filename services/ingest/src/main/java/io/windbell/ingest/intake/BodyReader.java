package io.windbell.ingest.intake;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.windbell.contracts.EventContent;
import io.windbell.contracts.touchpoint.TouchpointRecorded;
import io.windbell.platform.problem.Problem;
import io.windbell.platform.problem.ProblemException;
import io.windbell.platform.problem.Violation;

/**
 * Reads a request body into submissions, for every format channel apps may send: plain JSON (one event or an array),
 * NDJSON, and the CloudEvents HTTP binding (structured, batched and binary mode). Pure: no I/O.
 * <p>
 * A key that appears twice in one object makes the body unreadable: taking the last value (Jackson's default) would
 * publish something the channel did not mean, and the probe of issue 10 found exactly that. The check is this reader's
 * own, so it holds whatever the application's shared mapper is configured to do. Each submission keeps the bytes it
 * came as (its slice of the body), so that the quarantine stores what was sent, not a re-serialisation of it.
 */
public final class BodyReader {

    public static final String JSON = "application/json";
    public static final String NDJSON = "application/x-ndjson";
    public static final String CLOUDEVENT = "application/cloudevents+json";
    public static final String CLOUDEVENT_BATCH = "application/cloudevents-batch+json";

    /** Jackson's message for a repeated key, from its duplicate detector. */
    private static final String DUPLICATE = "Duplicate field '";

    private final ObjectReader reader;
    /**
     * Reads one element of an array body from a parser that stays open: what follows the element is the rest of the
     * array, not a trailing token (the shared mapper refuses those for whole documents), and {@link #array} checks
     * itself that nothing follows the array.
     */
    private final ObjectReader elementReader;

    public BodyReader(ObjectMapper mapper) {
        this.reader = mapper.reader().with(StreamReadFeature.STRICT_DUPLICATE_DETECTION);
        this.elementReader = reader.without(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
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
        JsonNode node = parse(body);
        if (media.equals(CLOUDEVENT)) {
            return fromCloudEvent(0, node, body);
        }
        return ceHeaders.containsKey("ce-specversion") ? fromBinaryCloudEvent(ceHeaders, node, body)
                : Submission.of(0, node, body);
    }

    /** Reads the body of {@code POST /v1/events/batch}: a JSON array, NDJSON, or a CloudEvents batch. */
    public List<Submission> batch(String contentType, byte[] body) {
        return switch (media(contentType)) {
        case JSON -> array(body, false);
        case CLOUDEVENT_BATCH -> array(body, true);
        case NDJSON -> lines(body);
        default -> throw unsupported(contentType, JSON + ", " + NDJSON + ", " + CLOUDEVENT_BATCH);
        };
    }

    /** The elements of a JSON array body, each with its own bytes of the body. */
    private List<Submission> array(byte[] body, boolean cloudEvents) {
        List<Submission> items = new ArrayList<>();
        try (JsonParser parser = reader.createParser(body)) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                throw malformed("$", "the body is empty");
            }
            if (first != JsonToken.START_ARRAY) {
                throw malformed("$", "a batch must be a JSON array of events");
            }
            int i = 0;
            while (parser.nextToken() != JsonToken.END_ARRAY) {
                int start = (int) parser.currentTokenLocation().getByteOffset();
                JsonNode element = elementReader.readTree(parser);
                int end = (int) parser.currentLocation().getByteOffset();
                byte[] raw = Arrays.copyOfRange(body, start, end);
                items.add(cloudEvents ? fromCloudEvent(i, element, raw) : Submission.of(i, element, raw));
                i++;
            }
            if (parser.nextToken() != null) {
                throw malformed("$", "nothing may follow the array");
            }
        } catch (JsonProcessingException e) {
            throw unreadable(e);
        } catch (IOException e) {
            throw malformed("$", "unreadable body");
        }
        return items;
    }

    /** One submission per line; a line that is not JSON is kept as it came and reported, the others go on. */
    private List<Submission> lines(byte[] body) {
        List<Submission> items = new ArrayList<>();
        int i = 0;
        for (int start = 0; start < body.length;) {
            int newline = indexOf(body, (byte) '\n', start);
            int end = newline < 0 ? body.length : newline;
            int stop = end > start && body[end - 1] == '\r' ? end - 1 : end;
            byte[] line = Arrays.copyOfRange(body, start, stop);
            start = end + 1;
            if (blank(line)) {
                continue;
            }
            try {
                items.add(Submission.of(i, reader.readTree(line), line));
            } catch (JsonProcessingException e) {
                Violation why = violation(e);
                items.add(Submission.unreadable(i, line,
                        List.of(new Violation(why.field(), "line is not JSON: " + why.message()))));
            } catch (IOException e) {
                items.add(Submission.unreadable(i, line, List.of(new Violation("$", "line is unreadable"))));
            }
            i++;
        }
        return items;
    }

    private static int indexOf(byte[] bytes, byte b, int from) {
        for (int i = from; i < bytes.length; i++) {
            if (bytes[i] == b) {
                return i;
            }
        }
        return -1;
    }

    private static boolean blank(byte[] line) {
        for (byte b : line) {
            if (b != ' ' && b != '\t' && b != '\r') {
                return false;
            }
        }
        return true;
    }

    private Submission fromCloudEvent(int index, JsonNode envelope, byte[] raw) {
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

    private Submission fromBinaryCloudEvent(Map<String, String> ce, JsonNode data, byte[] raw) {
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
            JsonNode node = reader.readTree(body);
            if (node == null || node.isMissingNode()) {
                throw malformed("$", "the body is empty");
            }
            return node;
        } catch (JsonProcessingException e) {
            throw unreadable(e);
        } catch (IOException e) {
            throw malformed("$", "unreadable body");
        }
    }

    private static MalformedBody unreadable(JsonProcessingException e) {
        Violation why = violation(e);
        return malformed(why.field(), why.message());
    }

    /**
     * Where and why a body is not JSON, in plain words: a repeated key is named by its path; any other error by its
     * line and column. Jackson's message may quote the offending input, so refused characters are escaped.
     */
    private static Violation violation(JsonProcessingException e) {
        String message = e.getOriginalMessage() == null ? "not valid JSON" : e.getOriginalMessage();
        if (message.startsWith(DUPLICATE) && e.getProcessor() instanceof JsonParser parser) {
            String key = message.substring(DUPLICATE.length(), message.lastIndexOf('\''));
            return new Violation(path(parser.getParsingContext().pathAsPointer()),
                    "the key '" + EventContent.printable(key) + "' appears twice in one object; each may appear once");
        }
        String where = e.getLocation() == null ? ""
                : " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")";
        return new Violation("$", "not valid JSON" + where + ": " + EventContent.printable(message));
    }

    /** A JSON pointer as a field path of ingest's violations ({@code attributes.os}, {@code $[2].channel}). */
    private static String path(JsonPointer pointer) {
        String path = "";
        for (JsonPointer p = pointer; p != null && !p.matches(); p = p.tail()) {
            path = p.mayMatchElement() && p.getMatchingProperty().equals(String.valueOf(p.getMatchingIndex()))
                    ? (path.isEmpty() ? "$" : path) + "[" + p.getMatchingIndex() + "]"
                    : EventContent.path(path, p.getMatchingProperty());
        }
        return path.isEmpty() ? "$" : path;
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
