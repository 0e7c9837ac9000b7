package io.windbell.survey.response.rest;

import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirementsSet;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import io.windbell.platform.problem.Problem;
import io.windbell.survey.response.AnswerInput;
import io.windbell.survey.response.AnswerIssue;
import io.windbell.survey.response.InvalidAnswersException;
import io.windbell.survey.response.Respondent;
import io.windbell.survey.response.RespondentException;
import io.windbell.survey.response.RespondentService;
import io.windbell.survey.response.ResponseValidator.HiddenAnswers;

/**
 * The survey behind a link, for channel apps that render it themselves. Public: no login, the link token is the
 * credential, so responses are never cached and never leak the URL as a referrer (see {@code PublicPageHeaders}).
 */
@Path("/v1/s/{token}")
@PermitAll
@SecurityRequirementsSet
@Tag(name = "respondent", description = "Open, draft and answer a survey by its link token (public, no login)")
@Produces({ MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE })
public class RespondentResource {

    private final RespondentService respondents;

    RespondentResource(RespondentService respondents) {
        this.respondents = respondents;
    }

    @GET
    @Operation(summary = "The survey for display", description = "Marks the invitation as opened. Texts are in the "
            + "requested language when the survey offers it, else in the invitation's. Includes the saved draft.")
    @APIResponse(responseCode = "200", description = "The survey")
    @APIResponse(responseCode = "404", description = "Unknown or invalid link")
    @APIResponse(responseCode = "409", description = "Already answered")
    @APIResponse(responseCode = "410", description = "Expired or withdrawn")
    public SurveyView get(@PathParam("token") String token,
            @Parameter(description = "zh-CN or en; default: the invitation's locale") @QueryParam("lang") String lang) {
        Respondent respondent = respondents.open(token);
        return SurveyView.of(respondent, respondent.resolveLocale(lang));
    }

    @PUT
    @Path("/draft")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Save partial progress", description = "Replaces the saved draft. Each answer must fit its "
            + "question's type and range; required questions and branching are only checked on submit.")
    @APIResponse(responseCode = "204", description = "Saved")
    @APIResponse(responseCode = "422", description = "An answer does not fit its question (violations per field)")
    @APIResponse(responseCode = "404", description = "Unknown or invalid link")
    @APIResponse(responseCode = "409", description = "Already answered")
    @APIResponse(responseCode = "410", description = "Expired or withdrawn")
    public Response draft(@PathParam("token") String token, DraftRequest body) {
        respondents.saveDraft(token, body == null ? List.of() : body.answers());
        return Response.noContent().build();
    }

    @POST
    @Path("/responses")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Answer the survey (once)", description = "Every required question must be answered; a "
            + "question with showIf may only be answered when its condition holds (else a violation on its questionId).")
    @APIResponse(responseCode = "201", description = "Stored; survey.responded is emitted")
    @APIResponse(responseCode = "422", description = "Invalid answers (violations per field, e.g. answers[2].score)")
    @APIResponse(responseCode = "404", description = "Unknown or invalid link")
    @APIResponse(responseCode = "409", description = "Already answered")
    @APIResponse(responseCode = "410", description = "Expired or withdrawn")
    public Response submit(@PathParam("token") String token, SubmitRequest body) {
        SubmitRequest request = body == null ? new SubmitRequest(null, List.of()) : body;
        UUID id = respondents.submit(token, request.locale(), request.answers(), HiddenAnswers.REJECT);
        return Response.status(Response.Status.CREATED).type(MediaType.APPLICATION_JSON).entity(new Submitted(id))
                .build();
    }

    /** Partial answers. */
    public record DraftRequest(List<AnswerInput> answers) {
        public DraftRequest {
            answers = answers == null ? List.of() : answers;
        }
    }

    /**
     * Answers to submit.
     *
     * @param locale
     *            the language the customer answered in; default: the invitation's
     */
    public record SubmitRequest(String locale, List<AnswerInput> answers) {
        public SubmitRequest {
            answers = answers == null ? List.of() : answers;
        }
    }

    /** The stored response. */
    public record Submitted(UUID responseId) {
    }

    /** The problem never names the token: it is the credential. */
    @ServerExceptionMapper
    Response unusable(RespondentException e) {
        Problem problem = switch (e.kind()) {
        case NOT_FOUND -> Problem.of("survey-not-found", "Not found", 404, "no survey behind this link");
        case ANSWERED -> Problem.of("survey-answered", "Already answered", 409,
                "this survey has already been answered");
        case CLOSED -> Problem.of("survey-expired", "Gone", 410, "this survey link has expired");
        };
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem).build();
    }

    @ServerExceptionMapper
    Response invalid(InvalidAnswersException e) {
        Problem problem = Problem
                .of("invalid-answers", "Invalid answers", 422, e.issues().size() + " answer field(s) are invalid")
                .withViolations(e.issues().stream().map(AnswerIssue::violation).toList());
        return Response.status(422).type(Problem.MEDIA_TYPE).entity(problem).build();
    }
}
