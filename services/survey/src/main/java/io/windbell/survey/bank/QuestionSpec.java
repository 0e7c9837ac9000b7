package io.windbell.survey.bank;

import java.util.List;
import java.util.Map;

import io.quarkus.runtime.annotations.RegisterForReflection;
import io.windbell.config.VersionedStore;
import io.windbell.contracts.survey.QuestionType;

/**
 * The {@code spec} column of table {@code question}: a question without its id, version and active flag (those are
 * columns). See {@link VersionedStore} for how changes and retirements become versions.
 */
@RegisterForReflection(targets = { QuestionSpec.class, Question.Option.class, Question.Tags.class })
public record QuestionSpec(QuestionType type, Question.Purpose purpose, Map<String, String> text,
        List<Question.Option> options, Integer scaleMin, Integer scaleMax, Question.Tags tags,
        String answeredByBehaviour) {

    public static final VersionedStore.Codec<Question> CODEC = VersionedStore.Codec.of(QuestionSpec.class, Question::id,
            QuestionSpec::toSpec, QuestionSpec::fromSpec);

    public static QuestionSpec toSpec(Question q) {
        return new QuestionSpec(q.type(), q.purpose(), q.text(), q.options(), q.scaleMin(), q.scaleMax(), q.tags(),
                q.answeredByBehaviour());
    }

    public static Question fromSpec(String id, int version, boolean active, QuestionSpec s) {
        return new Question(id, version, s.type(), s.purpose(), s.text() == null ? Map.of() : s.text(), s.options(),
                s.scaleMin(), s.scaleMax(), s.tags(), s.answeredByBehaviour(), active);
    }
}
