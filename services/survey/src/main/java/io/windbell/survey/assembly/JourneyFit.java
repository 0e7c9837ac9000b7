package io.windbell.survey.assembly;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import io.windbell.survey.bank.Question;

/**
 * Whether a question's journey, phase and channel tags fit the journey being surveyed, and which of several fitting
 * questions is the most specific. An empty tag list means "any".
 */
record JourneyFit(String journeyCode, String phase, Set<String> channels) {

    JourneyFit {
        channels = Set.copyOf(channels);
    }

    /**
     * Prefers a question tagged with the journey, then with the phase, then with a channel; the smaller id breaks the
     * remaining ties.
     */
    static final Comparator<Question> MOST_SPECIFIC = Comparator
            .comparing((Question q) -> q.tags().journeys().isEmpty()).thenComparing(q -> q.tags().phases().isEmpty())
            .thenComparing(q -> q.tags().channels().isEmpty()).thenComparing(Question::id);

    boolean fits(Question.Tags tags) {
        return mismatch(tags).isEmpty();
    }

    /** Which tag keeps the question off this journey, e.g. {@code journeys [LOAN_APPLY]}; empty when it fits. */
    Optional<String> mismatch(Question.Tags tags) {
        if (!tags.journeys().isEmpty() && !tags.journeys().contains(journeyCode)) {
            return Optional.of("journeys " + tags.journeys());
        }
        if (!tags.phases().isEmpty() && (phase == null || !tags.phases().contains(phase))) {
            return Optional.of("phases " + tags.phases());
        }
        if (!tags.channels().isEmpty() && tags.channels().stream().noneMatch(channels::contains)) {
            return Optional.of("channels " + tags.channels());
        }
        return Optional.empty();
    }

    /** The most specific of {@code questions} (which are assumed to fit). */
    static Optional<Question> best(List<Question> questions) {
        return questions.stream().min(MOST_SPECIFIC);
    }
}
