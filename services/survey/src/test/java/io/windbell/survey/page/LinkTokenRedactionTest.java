package io.windbell.survey.page;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import io.opentelemetry.sdk.trace.export.SpanExporter;

class LinkTokenRedactionTest {

    @Test
    void tokensInSurveyPathsAreRedacted() {
        assertThat(LinkTokenRedaction.redact("/s/AbC-_9")).isEqualTo("/s/{token}");
        assertThat(LinkTokenRedaction.redact("/s/AbC-_9/thanks")).isEqualTo("/s/{token}/thanks");
        assertThat(LinkTokenRedaction.redact("/v1/s/AbC-_9/draft")).isEqualTo("/v1/s/{token}/draft");
        assertThat(LinkTokenRedaction.redact("http://host:8083/s/AbC?lang=en"))
                .isEqualTo("http://host:8083/s/{token}?lang=en");
        assertThat(LinkTokenRedaction.redact("/v1/surveys/x")).isEqualTo("/v1/surveys/x");
        assertThat(LinkTokenRedaction.redact("/s-assets/survey.css")).isEqualTo("/s-assets/survey.css");
    }

    @Test
    void noExporterSeesTheToken() {
        List<SpanData> exported = new ArrayList<>();
        SpanExporter exporter = new SpanExporter() {
            @Override
            public CompletableResultCode export(Collection<SpanData> spans) {
                exported.addAll(spans);
                return CompletableResultCode.ofSuccess();
            }

            @Override
            public CompletableResultCode flush() {
                return CompletableResultCode.ofSuccess();
            }

            @Override
            public CompletableResultCode shutdown() {
                return CompletableResultCode.ofSuccess();
            }
        };
        try (SdkTracerProvider provider = SdkTracerProvider.builder().addSpanProcessor(new LinkTokenRedaction())
                .addSpanProcessor(SimpleSpanProcessor.create(exporter)).build()) {
            Span span = provider.get("test").spanBuilder("GET /s/{token}").setSpanKind(SpanKind.SERVER)
                    .setAttribute("url.path", "/s/secret-token").setAttribute("http.route", "/s/{token}").startSpan();
            span.end();
        }
        assertThat(exported).hasSize(1);
        assertThat(exported.getFirst().getAttributes().get(AttributeKey.stringKey("url.path"))).isEqualTo("/s/{token}");
    }
}
