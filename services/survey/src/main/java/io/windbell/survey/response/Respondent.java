package io.windbell.survey.response;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import io.windbell.contracts.survey.AnchorMetric;
import io.windbell.survey.assembly.AssembledSurvey;
import io.windbell.survey.assembly.SurveyQuestion;

/**
 * An invitation as the customer holding its link sees it: the survey, where it stands, and the draft saved so far.
 *
 * @param locale
 *            the locale the invitation was sent in (the default of the page)
 * @param draft
 *            answers saved so far, empty when none
 */
public record Respondent(UUID invitationId, String customerId, String surveyCode, AnchorMetric anchorMetric,
        String locale, String status, Instant expiresAt, Instant openedAt, AssembledSurvey survey,
        List<AnswerInput> draft, Instant draftSavedAt) {

    /** The locales surveys are offered in, in this order, when the questions have texts for them. */
    static final List<String> OFFERED = List.of("zh-CN", "en");

    public Respondent {
        draft = draft == null ? List.of() : List.copyOf(draft);
    }

    /** Where an invitation stands for its respondent. */
    public enum State {
        /** Sent and not yet expired: can be opened, drafted and answered. */
        ANSWERABLE,
        /** Already answered. */
        ANSWERED,
        /** Past its expiry, or closed without an answer (expired or cancelled). */
        CLOSED
    }

    public State state(Instant now) {
        return switch (status) {
        case "SENT" -> expiresAt.isAfter(now) ? State.ANSWERABLE : State.CLOSED;
        case "RESPONDED" -> State.ANSWERED;
        default -> State.CLOSED;
        };
    }

    /** The locales this survey can be shown in: those every question has a text for. */
    public List<String> locales() {
        List<String> locales = new ArrayList<>();
        for (String candidate : OFFERED) {
            if (survey.questions().stream().allMatch(q -> q.text().containsKey(candidate))) {
                locales.add(candidate);
            }
        }
        if (locales.isEmpty()) {
            locales.addAll(survey.anchor().text().keySet().stream().sorted().toList());
        }
        return locales;
    }

    /**
     * The offered locale matching {@code requested} (case-insensitive; a bare language matches its first region), else
     * the invitation's locale, else the first offered one.
     */
    public String resolveLocale(String requested) {
        List<String> locales = locales();
        String match = match(locales, requested);
        if (match != null) {
            return match;
        }
        match = match(locales, locale);
        return match != null ? match : locales.getFirst();
    }

    /** The offered locale matching {@code requested} exactly or by language, {@code null} if none. */
    static String match(List<String> locales, String requested) {
        if (requested == null || requested.isBlank()) {
            return null;
        }
        String wanted = requested.trim().replace('_', '-');
        for (String candidate : locales) {
            if (candidate.equalsIgnoreCase(wanted)) {
                return candidate;
            }
        }
        String language = Locale.forLanguageTag(wanted).getLanguage();
        for (String candidate : locales) {
            if (!language.isEmpty() && Locale.forLanguageTag(candidate).getLanguage().equals(language)) {
                return candidate;
            }
        }
        return null;
    }

    /** The text of a question in a locale, falling back to the invitation's locale, then to any. */
    public String text(SurveyQuestion question, String in) {
        String text = question.text().get(in);
        if (text == null) {
            text = question.text().get(locale);
        }
        return text != null ? text : question.text().values().stream().findFirst().orElse(question.questionId());
    }

    /** The label of an option in a locale, with the same fallbacks. */
    public String label(SurveyQuestion.Choice choice, String in) {
        String label = choice.label().get(in);
        if (label == null) {
            label = choice.label().get(locale);
        }
        return label != null ? label : choice.label().values().stream().findFirst().orElse(choice.id());
    }
}
