package io.windbell.survey.bank.rest;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.windbell.config.VersionedStore.Stored;
import io.windbell.contracts.Identifiers;
import io.windbell.contracts.survey.QuestionType;
import io.windbell.survey.bank.Question;

/**
 * A question version as the API reads and writes it. The read-only fields may be sent back unchanged (GET, edit, PUT)
 * and are ignored: the server assigns them.
 */
@Schema(name = "Question")
public record QuestionDocument(@Schema(examples = "Q_NPS_WEALTH", pattern = Identifiers.QUESTION_ID_REGEX) String id,
        @Schema(readOnly = true, description = "assigned by the server: 1, then +1 for every change") Integer version,
        @Schema(readOnly = true, description = "false once retired") Boolean active, QuestionType type,
        Question.Purpose purpose,
        @Schema(description = "zh-CN and en, each at most 500 characters; placeholders {journey} {touchpoint} {product} {branch} {employee}", examples = "{\"zh-CN\": \"完成{journey}后，您有多大可能向朋友推荐我们？\", \"en\": \"How likely are you to recommend us to a friend after {journey}?\"}") Map<String, String> text,
        @Schema(description = "SINGLE_CHOICE and MULTIPLE_CHOICE only (at least 2); none for WHAT_WENT_WRONG") List<Option> options,
        @Schema(description = "RATING only, 0..9") Integer scaleMin,
        @Schema(description = "RATING only, scaleMin+1..10") Integer scaleMax, Tags tags,
        @Schema(description = "the behavioural fact that answers the question: JOURNEY_OUTCOME, CHANNEL_USED, DURATION, ERROR_SEEN") String answeredByBehaviour,
        @Schema(readOnly = true) Instant createdAt, @Schema(readOnly = true) String createdBy) {

    /** One choice. */
    @Schema(name = "QuestionOption")
    public record Option(@Schema(examples = "TOO_SLOW") String id,
            @Schema(examples = "{\"zh-CN\": \"太慢\", \"en\": \"Too slow\"}") Map<String, String> label) {
    }

    /** Where a question applies; an empty or absent list means "any". */
    @Schema(name = "QuestionTags")
    public record Tags(@Schema(examples = "[\"WEALTH_PURCHASE\"]") List<String> journeys,
            @Schema(examples = "[\"BEFORE_INVESTING\"]") List<String> phases,
            @Schema(examples = "[\"wealth.risk_assessment\"]") List<String> touchpoints,
            @Schema(examples = "[\"CLARITY\"]") List<String> factors,
            @Schema(examples = "[\"MOBILE_APP\"]") List<String> channels) {
    }

    static QuestionDocument of(Stored<Question> stored) {
        Question q = stored.value();
        List<Option> options = q.options().stream().map(o -> new Option(o.id(), o.label())).toList();
        Question.Tags t = q.tags();
        return new QuestionDocument(q.id(), q.version(), stored.active(), q.type(), q.purpose(), q.text(), options,
                q.scaleMin(), q.scaleMax(),
                new Tags(t.journeys(), t.phases(), t.touchpoints(), t.factors(), t.channels()), q.answeredByBehaviour(),
                stored.createdAt(), stored.createdBy());
    }

    /**
     * The candidate question this document describes, for the validator: absent maps and lists become empty and absent
     * entries blank, so that every problem is reported as a violation of its field rather than a parse error.
     */
    Question toQuestion(String questionId) {
        List<Question.Option> candidateOptions = new ArrayList<>();
        if (options != null) {
            for (Option o : options) {
                candidateOptions.add(o == null ? new Question.Option("", Map.of())
                        : new Question.Option(o.id() == null ? "" : o.id(), blankForNull(o.label())));
            }
        }
        Question.Tags candidateTags = tags == null ? Question.Tags.NONE
                : new Question.Tags(blankForNull(tags.journeys()), blankForNull(tags.phases()),
                        blankForNull(tags.touchpoints()), blankForNull(tags.factors()), blankForNull(tags.channels()));
        return new Question(questionId, 0, type, purpose, blankForNull(text), candidateOptions, scaleMin, scaleMax,
                candidateTags, answeredByBehaviour, true);
    }

    static Map<String, String> blankForNull(Map<String, String> values) {
        Map<String, String> out = new LinkedHashMap<>();
        if (values != null) {
            values.forEach((k, v) -> out.put(k, v == null ? "" : v));
        }
        return out;
    }

    private static List<String> blankForNull(List<String> values) {
        return values == null ? List.of() : values.stream().map(v -> v == null ? "" : v).toList();
    }
}
