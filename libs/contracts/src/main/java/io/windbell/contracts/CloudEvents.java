package io.windbell.contracts;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * CloudEvents 1.0 attributes in the Kafka protocol binding (binary mode): each attribute is a {@code ce_}-prefixed
 * header, the payload is the JSON data.
 */
public final class CloudEvents {

    public static final String SPEC_VERSION = "1.0";
    public static final String DATA_CONTENT_TYPE = "application/json";

    public static final String SPECVERSION_HEADER = "ce_specversion";
    public static final String ID_HEADER = "ce_id";
    public static final String SOURCE_HEADER = "ce_source";
    public static final String TYPE_HEADER = "ce_type";
    public static final String TIME_HEADER = "ce_time";
    public static final String SUBJECT_HEADER = "ce_subject";
    public static final String DATASCHEMA_HEADER = "ce_dataschema";
    public static final String CONTENT_TYPE_HEADER = "content-type";
    /** W3C trace context, written and read by the OpenTelemetry Kafka instrumentation, not by hand. */
    public static final String TRACEPARENT_HEADER = "traceparent";

    private CloudEvents() {
    }

    /** The {@code dataschema} URI of an event type, e.g. {@code urn:windbell:schema:touchpoint.recorded:v1}. */
    public static String dataSchema(String type) {
        return "urn:windbell:schema:" + type + ":v1";
    }

    /** The {@code source} attribute of events a Windbell service produces, e.g. {@code /windbell/journey}. */
    public static String source(String service) {
        return "/windbell/" + service;
    }

    /**
     * The headers of one event, in a stable order.
     *
     * @param subject
     *            what the event is about (a customer id, a work order id); may be {@code null}
     */
    public static Map<String, String> headers(String id, String source, String type, Instant time, String subject) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put(SPECVERSION_HEADER, SPEC_VERSION);
        headers.put(ID_HEADER, id);
        headers.put(SOURCE_HEADER, source);
        headers.put(TYPE_HEADER, type);
        headers.put(TIME_HEADER, time.toString());
        if (subject != null) {
            headers.put(SUBJECT_HEADER, subject);
        }
        headers.put(DATASCHEMA_HEADER, dataSchema(type));
        headers.put(CONTENT_TYPE_HEADER, DATA_CONTENT_TYPE);
        return headers;
    }

    /** The headers of one catalog event: type from the payload's record, subject = its partition key. */
    public static Map<String, String> headers(String id, String source, Instant time, EventPayload payload) {
        return headers(id, source, EventType.of(payload).type(), time, payload.partitionKey());
    }
}
