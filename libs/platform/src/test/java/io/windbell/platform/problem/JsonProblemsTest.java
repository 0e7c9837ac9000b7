package io.windbell.platform.problem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.windbell.contracts.Text;
import io.windbell.platform.json.StrictJson;

/** Unreadable bodies are explained in plain words at their field, never with Java type names. */
class JsonProblemsTest {

    record AnswerInput(String questionId, Integer score, List<String> choices) {
    }

    record Submit(String locale, List<AnswerInput> answers) {
    }

    private final ObjectMapper mapper = strict();

    private static ObjectMapper strict() {
        ObjectMapper mapper = new ObjectMapper();
        new StrictJson().customize(mapper);
        return mapper;
    }

    @Test
    void eachKindOfMistakeHasAPlainMessageAtItsField() {
        assertThat(violation("{\"answers\":[{\"score\":3.5}]}"))
                .isEqualTo(new Violation("answers[0].score", "must be an integer"));
        assertThat(violation("{\"answers\":[{\"score\":\"5\"}]}"))
                .isEqualTo(new Violation("answers[0].score", "must be an integer"));
        assertThat(violation("{\"answers\":{}}")).isEqualTo(new Violation("answers", "must be an array"));
        assertThat(violation("{\"answers\":[{\"choice\":[]}]}"))
                .isEqualTo(new Violation("answers[0].choice", "unknown field"));
        assertThat(violation("{\"answers\":[{\"score\":99,\"score\":7}]}"))
                .isEqualTo(new Violation("answers[0].score", "duplicate field"));
        assertThat(violation("{\"locale\":\"en\\u0000\"}")).isEqualTo(new Violation("locale", Text.RULE));
        assertThat(violation("{\"locale\":5}")).isEqualTo(new Violation("locale", "must be a string"));
        assertThat(violation("{\"answers\":[{\"score\":99999999999}]}").message()).startsWith("is out of range");
        assertThat(violation("{\"locale\":").message()).startsWith("is not valid JSON");
        assertThat(violation("").message()).isEqualTo("a JSON body is required");
        assertThat(violation("[]")).isEqualTo(new Violation("$", "must be an object"));
    }

    @Test
    void noMessageNamesAJavaType() {
        for (String body : List.of("{\"answers\":\"x\"}", "{\"answers\":[1]}", "{\"answers\":[{\"choices\":{}}]}", "[]",
                "{\"locale\":[]}", "{\"answers\":[[]]}")) {
            assertThat(violation(body).message()).as(body).doesNotContain("java.", "io.windbell", "`", "<");
        }
    }

    @Test
    void violationsAreCappedWithACountOfTheRest() {
        List<Violation> many = new ArrayList<>();
        for (int i = 0; i < 100_000; i++) {
            many.add(new Violation("answers[0].choices[" + i + "]", "is not a choice of the question"));
        }
        Problem problem = Problem.of("invalid-answers", "Invalid answers", 422, "100000 answer field(s) are invalid")
                .withViolations(many);
        assertThat(problem.violations()).hasSize(Problem.MAX_VIOLATIONS).first()
                .isEqualTo(new Violation("answers[0].choices[0]", "is not a choice of the question"));
        assertThat(problem.detail()).contains("the first 20 of 100000 violations are listed, 99980 more are not");
        assertThat(problem.extensions()).containsEntry("omittedViolations", 99_980);
        assertThat(Problem.of("x", "X", 400, "d").withViolations(many.subList(0, 20)).violations()).hasSize(20);
    }

    private Violation violation(String body) {
        JsonProcessingException e = catchThrowableOfType(JsonProcessingException.class,
                () -> mapper.readValue(body, Submit.class));
        assertThat(e).as(body).isNotNull();
        return JsonProblems.violation(e);
    }
}
