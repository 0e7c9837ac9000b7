package io.windbell.platform.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.windbell.contracts.Text;

/** The global mapper settings: what a client sends is what is read, or it is refused. */
class StrictJsonTest {

    record Answer(String questionId, Integer score, List<String> choices, Boolean skip) {
    }

    enum Colour {
        RED
    }

    record Painted(Colour colour, Map<String, String> names) {
    }

    private final ObjectMapper mapper = strict();

    static ObjectMapper strict() {
        ObjectMapper mapper = new ObjectMapper();
        new StrictJson().customize(mapper);
        return mapper;
    }

    @Test
    void aWellFormedBodyIsRead() throws Exception {
        assertThat(mapper.readValue("{\"questionId\":\"Q_NPS\",\"score\":7,\"choices\":[\"a\"],\"skip\":false}",
                Answer.class)).isEqualTo(new Answer("Q_NPS", 7, List.of("a"), false));
    }

    @Test
    void duplicateKeysAreRefused() {
        assertThat(refusal("{\"score\":99,\"score\":7}", Answer.class)).hasMessageContaining("Duplicate field");
    }

    @Test
    void unknownFieldsAreRefused() {
        assertThat(refusal("{\"score\":7,\"scor\":7}", Answer.class)).hasMessageContaining("scor");
    }

    @Test
    void noScalarIsCoerced() {
        refusal("{\"score\":3.5}", Answer.class);
        refusal("{\"score\":\"5\"}", Answer.class);
        refusal("{\"score\":true}", Answer.class);
        refusal("{\"questionId\":5}", Answer.class);
        refusal("{\"questionId\":true}", Answer.class);
        refusal("{\"skip\":1}", Answer.class);
        refusal("{\"skip\":\"true\"}", Answer.class);
        refusal("{\"choices\":\"a\"}", Answer.class);
        refusal("{\"colour\":0}", Painted.class);
    }

    @Test
    void stringsTheTextRuleRefusesAreRefusedAtTheirField() {
        for (String body : List.of("{\"questionId\":\"a\\u0000b\"}", "{\"questionId\":\"\\ud800\"}",
                "{\"choices\":[\"ok\",\"\\u0007\"]}")) {
            JsonProcessingException e = refusal(body, Answer.class);
            assertThat(e).isInstanceOf(StrictJson.RefusedText.class);
            assertThat(e.getOriginalMessage()).isEqualTo(Text.RULE);
        }
        assertThat(refusal("{\"names\":{\"en\\u0000\":\"x\"}}", Painted.class))
                .isInstanceOf(StrictJson.RefusedText.class);
        assertThat(refusal("{\"names\":{\"en\":\"\\uffff\"}}", Painted.class))
                .isInstanceOf(StrictJson.RefusedText.class);
    }

    @Test
    void valuesAlreadyInMemoryAreConvertedAsTheyAre() throws Exception {
        // ingest's validator reads an event as a tree, reports refused strings itself, then converts the attributes
        var tree = new ObjectMapper().readTree("{\"k\":\"a\\u0000b\"}");
        assertThat(mapper.convertValue(tree, Map.class)).containsEntry("k", "a\u0000b");
        assertThat(mapper.treeToValue(tree, Map.class)).containsEntry("k", "a\u0000b");
        assertThat(refusal("{\"k\":\"a\\u0000b\"}", Map.class)).isInstanceOf(StrictJson.RefusedText.class);
    }

    @Test
    void pairedSurrogatesTabsAndLineBreaksAreText() throws Exception {
        Answer answer = mapper.readValue("{\"choices\":[\"\\ud83d\\ude00\",\"a\\tb\\r\\nc\"]}", Answer.class);
        assertThat(answer.choices()).containsExactly("😀", "a\tb\r\nc");
    }

    private JsonProcessingException refusal(String body, Class<?> type) {
        JsonProcessingException e = catchThrowableOfType(JsonProcessingException.class,
                () -> mapper.readValue(body, type));
        assertThat(e).as(body).isNotNull();
        return e;
    }
}
