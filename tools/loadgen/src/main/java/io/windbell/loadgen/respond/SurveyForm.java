package io.windbell.loadgen.respond;

import java.io.IOException;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * The survey as the respondent API serves it ({@code GET /v1/s/{token}}): what a customer's phone would render. Only
 * the fields a respondent needs; unknown fields are ignored, so the service may add some.
 *
 * @param locales
 *            the languages the survey is available in
 * @param anchorMetric
 *            NPS, CSAT or CES: which question is the headline one
 * @param status
 *            the invitation's status as the service reports it (not interpreted: the POST answers 409/410 when it is
 *            not open)
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record SurveyForm(String invitationId, String surveyCode, String locale, List<String> locales,
        String anchorMetric, String expiresAt, String status, List<Question> questions) {

    private static final ObjectMapper JSON = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

    public SurveyForm {
        locales = locales == null ? List.of() : List.copyOf(locales);
        questions = questions == null ? List.of() : List.copyOf(questions);
    }

    /**
     * One question.
     *
     * @param type
     *            NPS, CSAT, CES, SINGLE_CHOICE, MULTIPLE_CHOICE, RATING or OPEN_TEXT (kept as text: a type this tool
     *            does not know is left unanswered instead of failing the whole survey)
     * @param min
     *            scored types: the lowest score; MULTIPLE_CHOICE: the fewest options to pick (null = type default)
     * @param max
     *            scored types: the highest score; MULTIPLE_CHOICE: the most options to pick (null = type default)
     * @param showIf
     *            shown only when another question's score lies in a range; null = always shown
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Question(String id, String type, String text, List<Option> options, Integer min, Integer max,
            boolean required, ShowIf showIf) {

        public Question {
            options = options == null ? List.of() : List.copyOf(options);
        }
    }

    /** A choice of a SINGLE_CHOICE or MULTIPLE_CHOICE question; answers carry the id, never the label. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Option(String id, String label) {
    }

    /**
     * Branching: the question is shown when the score given to {@code questionId} is between {@code min} and
     * {@code max} (both inclusive, a missing bound is open). A question whose condition refers to an unanswered
     * question is not shown.
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record ShowIf(String questionId, Integer min, Integer max) {

        public boolean holds(Integer score) {
            return score != null && (min == null || score >= min) && (max == null || score <= max);
        }
    }

    /** Reads the body of {@code GET /v1/s/{token}}. */
    public static SurveyForm parse(byte[] json) throws IOException {
        return JSON.readValue(json, SurveyForm.class);
    }
}
