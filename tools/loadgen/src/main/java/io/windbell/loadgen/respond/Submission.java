package io.windbell.loadgen.respond;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The body of {@code POST /v1/s/{token}/responses}: the answers a simulated customer gives, in display order. */
public record Submission(String locale, List<Value> answers) {

    private static final ObjectMapper JSON = new ObjectMapper();

    public Submission {
        answers = List.copyOf(answers);
    }

    /** One answer: exactly one of {@code score}, {@code choices} (option ids) and {@code text} is set. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Value(String questionId, Integer score, List<String> choices, String text) {

        public static Value score(String questionId, int score) {
            return new Value(questionId, score, null, null);
        }

        public static Value choices(String questionId, List<String> choices) {
            return new Value(questionId, null, List.copyOf(choices), null);
        }

        public static Value text(String questionId, String text) {
            return new Value(questionId, null, null, text);
        }
    }

    /** The answer to {@code questionId}, or null when it was not answered. */
    public Value answer(String questionId) {
        return answers.stream().filter(a -> a.questionId().equals(questionId)).findFirst().orElse(null);
    }

    public byte[] toJson() {
        try {
            return JSON.writeValueAsBytes(this);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
