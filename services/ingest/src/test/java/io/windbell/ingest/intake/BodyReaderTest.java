package io.windbell.ingest.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.windbell.platform.problem.ProblemException;
import io.windbell.platform.problem.Violation;

class BodyReaderTest {

    final BodyReader reader = new BodyReader(new ObjectMapper());

    static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void plainJsonEvent() {
        Submission s = reader.single("application/json; charset=utf-8", Map.of(), bytes("{\"channel\":\"WEB\"}"));
        assertThat(s.event().get("channel").asText()).isEqualTo("WEB");
        assertThat(s.raw()).isEqualTo(bytes("{\"channel\":\"WEB\"}"));
    }

    @Test
    void structuredCloudEventLendsIdAndTimeToTheEvent() {
        Submission s = reader.single("application/cloudevents+json", Map.of(), bytes("""
                {"specversion":"1.0","id":"5b7e1d8e-5b5c-4d55-9f36-2c4b5b0f8b11","source":"/app/ios",
                 "type":"touchpoint.recorded","time":"2026-11-22T09:30:00+08:00","data":{"channel":"WEB"}}"""));
        assertThat(s.envelopeViolations()).isEmpty();
        assertThat(s.event().get("eventId").asText()).isEqualTo("5b7e1d8e-5b5c-4d55-9f36-2c4b5b0f8b11");
        assertThat(s.event().get("occurredAt").asText()).isEqualTo("2026-11-22T09:30:00+08:00");
    }

    @Test
    void binaryModeCloudEventTakesItsAttributesFromHeaders() {
        Submission s = reader.single("application/json", Map.of("ce-specversion", "1.0", "ce-type",
                "touchpoint.recorded", "ce-id", "id-1", "ce-time", "2026-11-22T01:00:00Z"),
                bytes("{\"channel\":\"WEB\"}"));
        assertThat(s.event().get("eventId").asText()).isEqualTo("id-1");
    }

    @Test
    void wrongCloudEventEnvelopeIsReportedFieldByField() {
        Submission s = reader.single("application/cloudevents+json", Map.of(), bytes("""
                {"specversion":"0.3","type":"other","data":"text"}"""));
        assertThat(s.envelopeViolations()).extracting(Violation::field).containsExactlyInAnyOrder("specversion", "type",
                "data");
    }

    @Test
    void ndjsonKeepsGoodLinesAndReportsBadOnes() {
        List<Submission> items = reader.batch("application/x-ndjson", bytes("{\"a\":1}\n{oops\n\n{\"b\":2}\n"));
        assertThat(items).hasSize(3);
        assertThat(items.get(1).envelopeViolations()).isNotEmpty();
        assertThat(items.get(1).raw()).isEqualTo(bytes("{oops"));
        assertThat(items.get(2).index()).isEqualTo(2);
    }

    @Test
    void cloudEventsBatch() {
        List<Submission> items = reader.batch("application/cloudevents-batch+json", bytes("""
                [{"specversion":"1.0","id":"i1","type":"touchpoint.recorded","data":{"x":1}},
                 {"specversion":"1.0","id":"i2","type":"touchpoint.recorded","data":{"x":2}}]"""));
        assertThat(items).extracting(i -> i.event().get("eventId").asText()).containsExactly("i1", "i2");
    }

    @Test
    void malformedJsonSaysWhere() {
        assertThatThrownBy(() -> reader.batch("application/json", bytes("[{\"a\":1},")))
                .isInstanceOf(BodyReader.MalformedBody.class)
                .satisfies(e -> assertThat(((ProblemException) e).problem().detail()).contains("line 1"));
        assertThatThrownBy(() -> reader.batch("application/json", bytes("{\"a\":1}")))
                .isInstanceOf(BodyReader.MalformedBody.class);
    }

    @Test
    void aKeyTwiceInOneObjectMakesTheBodyUnreadableNamingTheKey() {
        assertThatThrownBy(() -> reader.single("application/json", Map.of(), bytes("{\"score\":1,\"score\":2}")))
                .isInstanceOfSatisfying(BodyReader.MalformedBody.class, e -> {
                    assertThat(e.problem().violations()).extracting(Violation::field).containsExactly("score");
                    assertThat(e.problem().violations().getFirst().message()).contains("'score'")
                            .contains("appears twice");
                });
        assertThatThrownBy(() -> reader.single("application/json", Map.of(),
                bytes("{\"attributes\":{\"os\":\"a\",\"os\":\"b\"}}"))).isInstanceOfSatisfying(
                        BodyReader.MalformedBody.class, e -> assertThat(e.problem().violations())
                                .extracting(Violation::field).containsExactly("attributes.os"));
        assertThatThrownBy(() -> reader.batch("application/json", bytes("[{\"a\":1},{\"channel\":1,\"channel\":2}]")))
                .isInstanceOfSatisfying(BodyReader.MalformedBody.class, e -> assertThat(e.problem().violations())
                        .extracting(Violation::field).containsExactly("$[1].channel"));

        List<Submission> lines = reader.batch("application/x-ndjson", bytes("{\"a\":1}\n{\"a\":1,\"a\":2}\n"));
        assertThat(lines.get(0).envelopeViolations()).isEmpty();
        assertThat(lines.get(1).envelopeViolations()).extracting(Violation::field).containsExactly("a");
    }

    @Test
    void eachElementOfABatchKeepsItsOwnBytesAsSent() {
        String first = "{\"sessionId\":\"sess\\u0000ion\", \"note\":\"理财\"}";
        String second = "{ \"x\" : [1, 2] }";
        List<Submission> items = reader.batch("application/json", bytes("[ " + first + " ,\n" + second + "]"));
        assertThat(items).extracting(Submission::raw).containsExactly(bytes(first), bytes(second));
        assertThat(items.get(0).event().get("sessionId").textValue()).isEqualTo("sess\u0000ion");
    }

    @Test
    void anNdjsonLineThatIsNotUtf8IsKeptByteForByte() {
        byte[] body = { '{', '"', 'a', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}', '\n', '{', '}', '\r', '\n' };
        List<Submission> items = reader.batch("application/x-ndjson", body);
        assertThat(items).hasSize(2);
        assertThat(items.get(0).envelopeViolations()).isNotEmpty();
        assertThat(items.get(0).raw()).isEqualTo(java.util.Arrays.copyOfRange(body, 0, 10));
        assertThat(items.get(1).raw()).isEqualTo(bytes("{}"));
    }

    @Test
    void errorMessagesNeverQuoteARefusedCharacter() {
        assertThatThrownBy(() -> reader.single("application/json", Map.of(), bytes("{\"a\":\"x\u0000y\"}")))
                .isInstanceOfSatisfying(BodyReader.MalformedBody.class,
                        e -> assertThat(e.problem().violations()).allSatisfy(
                                v -> assertThat(io.windbell.contracts.Text.isAcceptable(v.field() + v.message()))
                                        .isTrue()));
    }

    @Test
    void unsupportedMediaTypeIs415() {
        assertThatThrownBy(() -> reader.single("text/csv", Map.of(), bytes("a,b")))
                .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.problem().status()).isEqualTo(415));
    }
}
