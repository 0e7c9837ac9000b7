package io.windbell.survey.page;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.ReadWriteSpan;
import io.opentelemetry.sdk.trace.ReadableSpan;
import io.opentelemetry.sdk.trace.SpanProcessor;
import io.windbell.platform.logging.Redaction;

/**
 * Keeps survey link tokens out of traces: the HTTP server span records the request path, and under {@code /s/} and
 * {@code /v1/s/} that path holds the token, which is the customer's credential. The token is replaced before any
 * exporter sees the span (the route template already names the endpoint). Where a token appears is known to
 * {@link Redaction}, which the log filter uses as well.
 */
@ApplicationScoped
public class LinkTokenRedaction implements SpanProcessor {

    static final String REDACTED = "{token}";
    private static final List<AttributeKey<String>> PATH_ATTRIBUTES = List.of(AttributeKey.stringKey("url.path"),
            AttributeKey.stringKey("http.target"), AttributeKey.stringKey("url.full"));

    @Override
    public void onStart(Context parentContext, ReadWriteSpan span) {
        for (AttributeKey<String> key : PATH_ATTRIBUTES) {
            String value = span.getAttribute(key);
            if (value != null) {
                String redacted = redact(value);
                if (!redacted.equals(value)) {
                    span.setAttribute(key, redacted);
                }
            }
        }
    }

    /** {@code /s/abc/thanks} becomes {@code /s/{token}/thanks}; other paths are returned as they are. */
    static String redact(String path) {
        return Redaction.linkTokens(path, REDACTED);
    }

    @Override
    public boolean isStartRequired() {
        return true;
    }

    @Override
    public void onEnd(ReadableSpan span) {
        // nothing: the attributes are fixed at start
    }

    @Override
    public boolean isEndRequired() {
        return false;
    }

    @Override
    public CompletableResultCode shutdown() {
        return CompletableResultCode.ofSuccess();
    }
}
