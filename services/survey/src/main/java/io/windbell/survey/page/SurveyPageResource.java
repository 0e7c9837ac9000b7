package io.windbell.survey.page;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.qute.i18n.Localized;
import io.windbell.survey.response.AnswerInput;
import io.windbell.survey.response.InvalidAnswersException;
import io.windbell.survey.response.Respondent;
import io.windbell.survey.response.RespondentException;
import io.windbell.survey.response.RespondentService;
import io.windbell.survey.response.ResponseValidator.HiddenAnswers;

/**
 * The hosted survey page {@code /s/{token}}: server-rendered, works without JavaScript (the script only hides the
 * detractor branch until it applies and saves drafts), in Chinese and English.
 * <p>
 * Status codes: the form 200 (422 when re-rendered with errors), a valid post 303 to {@code thanks}, thanks 200,
 * unknown or forged link 404, already answered 409, expired or withdrawn 410 — each with a readable page, so the status
 * tells monitoring what happened while the customer reads the message. Answers to a question the branching hides are
 * dropped from a form post (a browser without JavaScript posts them), not rejected.
 */
@Path("/s/{token}")
@PermitAll
@Produces(MediaType.TEXT_HTML)
public class SurveyPageResource {

    private final RespondentService respondents;
    private final PageMessages zh;
    private final PageMessages en;

    SurveyPageResource(RespondentService respondents, PageMessages zh, @Localized("en") PageMessages en) {
        this.respondents = respondents;
        this.zh = zh;
        this.en = en;
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance form(FormPage page);

        static native TemplateInstance notice(NoticePage page);
    }

    @GET
    @Operation(hidden = true)
    public Response form(@PathParam("token") String token, @QueryParam("lang") String lang,
            @HeaderParam("Accept-Language") String acceptLanguage) {
        try {
            Respondent respondent = respondents.open(token);
            String locale = respondent.resolveLocale(lang);
            return html(200, Templates
                    .form(FormPage.of(respondent, token, locale, messages(locale), respondent.draft(), List.of())));
        } catch (RespondentException e) {
            return unusable(e, lang, acceptLanguage);
        }
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response submit(@PathParam("token") String token, MultivaluedMap<String, String> form,
            @HeaderParam("Accept-Language") String acceptLanguage) {
        String lang = form == null ? null : form.getFirst("lang");
        Respondent respondent = null;
        List<AnswerInput> answers = List.of();
        try {
            respondent = respondents.find(token);
            answers = FormAnswers.parse(respondent.survey(), form == null ? new MultivaluedHashMap<>() : form);
            String locale = respondent.resolveLocale(lang);
            respondents.submit(token, locale, answers, HiddenAnswers.DROP);
            return seeOther("/s/" + token + "/thanks?lang=" + locale);
        } catch (RespondentException e) {
            return unusable(e, lang, acceptLanguage);
        } catch (InvalidAnswersException e) {
            String locale = respondent.resolveLocale(lang);
            return html(422,
                    Templates.form(FormPage.of(respondent, token, locale, messages(locale), answers, e.issues())));
        }
    }

    @GET
    @Path("/thanks")
    @Operation(hidden = true)
    public Response thanks(@PathParam("token") String token, @QueryParam("lang") String lang,
            @HeaderParam("Accept-Language") String acceptLanguage) {
        try {
            Respondent respondent = respondents.find(token);
            String locale = respondent.resolveLocale(lang);
            PageMessages m = messages(locale);
            return switch (respondent.state(Instant.now())) {
            case ANSWERED -> html(200,
                    Templates.notice(new NoticePage(m, locale, "thanks", m.thanksTitle(), m.thanksBody())));
            case ANSWERABLE -> seeOther("/s/" + token + "?lang=" + locale);
            case CLOSED -> unusable(new RespondentException(RespondentException.Kind.CLOSED, respondent), lang,
                    acceptLanguage);
            };
        } catch (RespondentException e) {
            return unusable(e, lang, acceptLanguage);
        }
    }

    private Response unusable(RespondentException e, String lang, String acceptLanguage) {
        String locale = e.respondent() != null ? e.respondent().resolveLocale(lang) : guess(lang, acceptLanguage);
        PageMessages m = messages(locale);
        NoticePage page = switch (e.kind()) {
        case NOT_FOUND -> new NoticePage(m, locale, "not-found", m.notFoundTitle(), m.notFoundBody());
        case ANSWERED -> new NoticePage(m, locale, "answered", m.answeredTitle(), m.answeredBody());
        case CLOSED -> new NoticePage(m, locale, "expired", m.expiredTitle(), m.expiredBody());
        };
        int status = switch (e.kind()) {
        case NOT_FOUND -> 404;
        case ANSWERED -> 409;
        case CLOSED -> 410;
        };
        return html(status, Templates.notice(page));
    }

    /** For a link that names no invitation: the requested language, else the browser's, else Chinese. */
    private static String guess(String lang, String acceptLanguage) {
        String wanted = lang != null && !lang.isBlank() ? lang : acceptLanguage;
        if (wanted != null) {
            String first = wanted.split(",")[0].split(";")[0].trim();
            if (Locale.forLanguageTag(first.replace('_', '-')).getLanguage().equals("en")) {
                return "en";
            }
        }
        return "zh-CN";
    }

    private PageMessages messages(String locale) {
        return locale.startsWith("en") ? en : zh;
    }

    /** A path-only Location, so the redirect stays on whatever host and scheme the customer used (the gateway's). */
    private static Response seeOther(String path) {
        return Response.status(Response.Status.SEE_OTHER).header("Location", path).build();
    }

    private static Response html(int status, TemplateInstance page) {
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).entity(page).build();
    }
}
