package io.windbell.survey.page;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.windbell.contracts.survey.QuestionType;
import io.windbell.survey.assembly.SurveyQuestion;
import io.windbell.survey.response.AnswerInput;
import io.windbell.survey.response.AnswerIssue;
import io.windbell.survey.response.Respondent;
import io.windbell.survey.response.ResponseValidator;
import io.windbell.survey.response.Scales;

/**
 * What the survey form template shows: the questions in one language, the customer's answers so far, and an error per
 * question after a failed submit. DOM ids are positional ({@code q0}, {@code q0-3}) because question ids may hold
 * characters that need escaping in selectors.
 *
 * @param action
 *            where the form posts
 * @param draftUrl
 *            where the page's script saves drafts
 */
public record FormPage(PageMessages m, String lang, String action, String draftUrl, List<Field> questions,
        List<ErrorLink> errors) {

    /** One question as a form control group. */
    public record Field(String domId, String name, String questionId, String kind, String text, boolean required,
            boolean hidden, String showIfName, Integer showMin, Integer showMax, String hint, List<Choice> choices,
            String lowLabel, String highLabel, String textValue, String error, String describedBy, int maxLength) {

        public boolean scale() {
            return "scale".equals(kind);
        }

        public boolean openText() {
            return "text".equals(kind);
        }

        public String inputType() {
            return "multiple".equals(kind) ? "checkbox" : "radio";
        }

        /** HTML can demand one radio of a group, not one check box of a group (the server checks those). */
        public boolean requiredInput() {
            return required && !"multiple".equals(kind);
        }

        public boolean conditional() {
            return showIfName != null;
        }
    }

    /** One radio button or check box. */
    public record Choice(String domId, String value, String label, boolean checked) {
    }

    /** An entry of the error summary, linking to its question. */
    public record ErrorLink(String target, String text) {
    }

    /**
     * @param values
     *            the answers to show (a draft, or what was just posted)
     * @param issues
     *            what was wrong with them, empty on first display
     */
    public static FormPage of(Respondent respondent, String token, String lang, PageMessages m,
            List<AnswerInput> values, List<AnswerIssue> issues) {
        Map<String, AnswerInput> byQuestion = new HashMap<>();
        values.forEach(v -> byQuestion.putIfAbsent(v.questionId(), v));
        Map<String, String> errorByQuestion = new HashMap<>();
        List<ErrorLink> errors = new ArrayList<>();
        Map<String, String> domIds = new HashMap<>();
        List<SurveyQuestion> questions = respondent.survey().questions();
        for (int i = 0; i < questions.size(); i++) {
            domIds.put(questions.get(i).questionId(), "q" + i);
        }
        for (AnswerIssue issue : issues) {
            String text = message(issue, m);
            if (issue.questionId() != null && domIds.containsKey(issue.questionId())) {
                if (errorByQuestion.putIfAbsent(issue.questionId(), text) == null) {
                    errors.add(new ErrorLink(domIds.get(issue.questionId()), text));
                }
            } else if (errors.stream().noneMatch(e -> e.target().equals("survey"))) {
                errors.add(new ErrorLink("survey", m.errInvalid()));
            }
        }
        List<Field> fields = new ArrayList<>();
        for (SurveyQuestion q : questions) {
            fields.add(field(respondent, q, domIds, lang, m, byQuestion, errorByQuestion.get(q.questionId())));
        }
        return new FormPage(m, lang, "/s/" + token, "/v1/s/" + token + "/draft", fields, errors);
    }

    private static Field field(Respondent respondent, SurveyQuestion q, Map<String, String> domIds, String lang,
            PageMessages m, Map<String, AnswerInput> byQuestion, String error) {
        String domId = domIds.get(q.questionId());
        AnswerInput value = byQuestion.get(q.questionId());
        QuestionType type = q.type();
        String kind = type.scored() ? "scale" : switch (type) {
        case SINGLE_CHOICE -> "single";
        case MULTIPLE_CHOICE -> "multiple";
        default -> "text";
        };
        List<Choice> choices = new ArrayList<>();
        String low = null;
        String high = null;
        String hint = null;
        if (type.scored()) {
            int min = Scales.min(q);
            int max = Scales.max(q);
            for (int s = min; s <= max; s++) {
                choices.add(new Choice(domId + "-" + s, Integer.toString(s), Integer.toString(s),
                        value != null && value.score() != null && value.score() == s));
            }
            low = switch (type) {
            case NPS -> m.npsLow();
            case CSAT -> m.csatLow();
            case CES -> m.cesLow();
            default -> m.ratingLow();
            };
            high = switch (type) {
            case NPS -> m.npsHigh();
            case CSAT -> m.csatHigh();
            case CES -> m.cesHigh();
            default -> m.ratingHigh();
            };
        } else if (type == QuestionType.OPEN_TEXT) {
            hint = m.textHint(ResponseValidator.MAX_TEXT);
        } else {
            for (int i = 0; i < q.options().size(); i++) {
                SurveyQuestion.Choice option = q.options().get(i);
                boolean checked = value != null && value.choices() != null && value.choices().contains(option.id());
                choices.add(new Choice(domId + "-" + i, option.id(), respondent.label(option, lang), checked));
            }
            if (type == QuestionType.MULTIPLE_CHOICE) {
                hint = m.chooseAny();
            }
        }
        SurveyQuestion.Condition showIf = q.showIf();
        String showIfName = null;
        boolean hidden = false;
        if (showIf != null) {
            showIfName = FormAnswers.field(showIf.questionId());
            hint = hint == null ? m.conditionalHint(showIf.min(), showIf.max())
                    : m.conditionalHint(showIf.min(), showIf.max()) + " " + hint;
            AnswerInput source = byQuestion.get(showIf.questionId());
            // without a score yet the question stays visible, so the page works without JavaScript
            hidden = source != null && source.score() != null && !showIf.holds(source.score());
        }
        List<String> describedBy = new ArrayList<>();
        if (hint != null) {
            describedBy.add(domId + "-hint");
        }
        if (low != null) {
            describedBy.add(domId + "-ends");
        }
        if (error != null) {
            describedBy.add(domId + "-error");
        }
        return new Field(domId, FormAnswers.field(q.questionId()), q.questionId(), kind, respondent.text(q, lang),
                q.required(), hidden, showIfName, showIf == null ? null : showIf.min(),
                showIf == null ? null : showIf.max(), hint, choices, low, high,
                value != null && value.text() != null ? value.text() : "", error,
                describedBy.isEmpty() ? null : String.join(" ", describedBy), ResponseValidator.MAX_TEXT);
    }

    private static String message(AnswerIssue issue, PageMessages m) {
        return switch (issue.reason()) {
        case REQUIRED, SCORE_REQUIRED -> m.errRequired();
        case SCORE_RANGE -> m.errScore(issue.min(), issue.max());
        case ONE_CHOICE -> m.errOneChoice();
        case CHOICE_REQUIRED -> m.errChoice();
        case TEXT_REQUIRED -> m.errText();
        case TEXT_TOO_LONG -> m.errTextTooLong(issue.max());
        default -> m.errInvalid();
        };
    }
}
