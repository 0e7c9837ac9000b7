package io.windbell.survey.bank;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.runtime.annotations.RegisterForReflection;
import io.windbell.contracts.survey.QuestionType;
import io.windbell.survey.catalog.VersionedStore;
import io.windbell.survey.catalog.VersionedStore.Stored;

/**
 * Question versions in table {@code question}: id and version are columns, the rest is the {@link Spec} document. See
 * {@link VersionedStore} for how changes and retirements become versions.
 */
@ApplicationScoped
@RegisterForReflection(targets = { QuestionRepository.Spec.class, Question.Option.class, Question.Tags.class })
public class QuestionRepository {

    private final VersionedStore<Question> store;

    QuestionRepository(DataSource dataSource) {
        this.store = new VersionedStore<>(dataSource, "question", "question", "id", CODEC);
    }

    /** The {@code spec} column: a question without its id, version and active flag (those are columns). */
    public record Spec(QuestionType type, Question.Purpose purpose, Map<String, String> text,
            List<Question.Option> options, Integer scaleMin, Integer scaleMax, Question.Tags tags,
            String answeredByBehaviour) {
    }

    static final VersionedStore.Codec<Question> CODEC = new VersionedStore.Codec<>() {
        @Override
        public String key(Question q) {
            return q.id();
        }

        @Override
        public Object spec(Question q) {
            return toSpec(q);
        }

        @Override
        public Question read(String id, int version, boolean active, String json) throws IOException {
            return fromSpec(id, version, active, VersionedStore.JSON.readValue(json, Spec.class));
        }
    };

    public static Spec toSpec(Question q) {
        return new Spec(q.type(), q.purpose(), q.text(), q.options(), q.scaleMin(), q.scaleMax(), q.tags(),
                q.answeredByBehaviour());
    }

    public static Question fromSpec(String id, int version, boolean active, Spec s) {
        return new Question(id, version, s.type(), s.purpose(), s.text() == null ? Map.of() : s.text(), s.options(),
                s.scaleMin(), s.scaleMax(), s.tags(), s.answeredByBehaviour(), active);
    }

    /** Every version of every question. */
    public List<Stored<Question>> all() {
        return store.all();
    }

    /** Every version of one question, oldest first. */
    public List<Stored<Question>> versions(String id) {
        return store.versions(id);
    }

    /** @see VersionedStore#create */
    public Stored<Question> create(Question q, String createdBy) {
        return store.create(q, createdBy);
    }

    /** @see VersionedStore#createNextVersion */
    public Stored<Question> createNextVersion(Question q, int expectedVersion, String createdBy) {
        return store.createNextVersion(q, expectedVersion, createdBy);
    }

    /** @see VersionedStore#retire */
    public Optional<Stored<Question>> retire(String id, String retiredBy) {
        return store.retire(id, retiredBy);
    }
}
