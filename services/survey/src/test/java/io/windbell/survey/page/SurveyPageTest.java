package io.windbell.survey.page;

import static io.restassured.RestAssured.given;
import static io.windbell.survey.support.SentInvitations.ANCHOR;
import static io.windbell.survey.support.SentInvitations.OPEN_TEXT;
import static io.windbell.survey.support.SentInvitations.RISK;
import static io.windbell.survey.support.SentInvitations.TOUCHPOINT;
import static io.windbell.survey.support.SentInvitations.WHAT_WENT_WRONG;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.windbell.survey.invitation.LinkTokens;
import io.windbell.survey.support.SentInvitations;
import io.windbell.survey.support.SentInvitations.Sent;
import io.windbell.survey.support.SurveyTestResource;

/** The hosted page over plain HTTP, as a browser without JavaScript uses it: status codes, headers, markup. */
@QuarkusTest
@QuarkusTestResource(value = SurveyTestResource.class, restrictToAnnotatedClass = true)
class SurveyPageTest {

    @Inject
    DataSource dataSource;

    SentInvitations invitations;

    @BeforeEach
    void fixtures() {
        invitations = new SentInvitations(dataSource);
    }

    @Test
    void theFormIsServedWithoutLoginInTheInvitationsLanguage() {
        Sent sent = invitations.invitation().insert();
        String html = given().redirects().follow(false).get("/s/{token}", sent.token()).then().statusCode(200)
                .contentType(containsString("text/html")).header("Cache-Control", "no-store")
                .header("Referrer-Policy", "no-referrer")
                .header("Content-Security-Policy", containsString("default-src 'self'")).extract().asString();
        assertThat(html).contains("<html lang=\"zh-CN\">", "name=\"viewport\"", "您有多大可能向朋友推荐我们的理财服务？", "完全不可能", "极有可能",
                "<legend class=\"qtext\">", "href=\"?lang=en\"", "<script src=\"/s-assets/survey.js\" defer></script>")
                // field names keep the question ids, dots and @ included; labels are bound by positional ids
                .contains("name=\"q." + TOUCHPOINT + "\"", "<label class=\"point\" for=\"q0-0\">",
                        "id=\"q0-0\" name=\"q.Q_NPS\" value=\"0\" required")
                .contains("data-show-if=\"q.Q_NPS\" data-show-min=\"0\" data-show-max=\"6\"")
                .doesNotContain("style=", "<script>", "onclick");
        // eleven points with their numbers visible
        for (int score = 0; score <= 10; score++) {
            assertThat(html).contains("value=\"" + score + "\"", "<span>" + score + "</span>");
        }
        assertThat(invitations.column("SELECT opened_at FROM invitation WHERE id = ?", sent.id())).isNotNull();

        given().get("/s/{token}?lang=en", sent.token()).then().statusCode(200)
                .body(containsString("<html lang=\"en\">")).body(containsString("Not at all likely"))
                .body(containsString("Extremely likely")).body(containsString("href=\"?lang=zh-CN\""))
                .body(containsString("What went wrong?"));
    }

    @Test
    void aValidPostRedirectsToTheThanksPageAndDropsAnswersToHiddenQuestions() {
        Sent sent = invitations.invitation().locale("en").insert();
        given().redirects().follow(false).contentType(ContentType.URLENC).formParam("lang", "en")
                .formParam("q." + ANCHOR, "9").formParam("q." + TOUCHPOINT, "2")
                // a browser without JavaScript posts the detractor branch too
                .formParam("q." + WHAT_WENT_WRONG, RISK).formParam("q." + OPEN_TEXT, "")
                .post("/s/{token}", sent.token()).then().statusCode(303)
                .header("Location", "/s/" + sent.token() + "/thanks?lang=en");
        given().redirects().follow(false).get("/s/{token}/thanks?lang=en", sent.token()).then().statusCode(200)
                .header("Cache-Control", "no-store").body(containsString("Thank you for your feedback"))
                .body(containsString("data-page=\"thanks\""));
        assertThat(invitations.column("SELECT answers::text FROM response WHERE invitation_id = ?", sent.id()))
                .contains(ANCHOR, TOUCHPOINT).doesNotContain(WHAT_WENT_WRONG, OPEN_TEXT);
        assertThat(invitations.column("SELECT locale FROM response WHERE invitation_id = ?", sent.id()))
                .isEqualTo("en");
    }

    @Test
    void aPostWithoutTheAnchorIsRenderedAgainWithTheAnswersAndAnErrorPerQuestion() {
        Sent sent = invitations.invitation().insert();
        String html = post(sent, Map.of("lang", "zh-CN", "q." + TOUCHPOINT, "5", "q." + OPEN_TEXT, "等了太久"))
                .statusCode(422).contentType(containsString("text/html")).extract().asString();
        assertThat(html).contains("<div class=\"error-summary\" role=\"alert\"", "href=\"#q0\"",
                "<p class=\"field-error\" id=\"q0-error\">请回答此问题。</p>", "aria-invalid=\"true\"",
                "aria-describedby=\"q0-ends q0-error\"",
                "id=\"q1-5\" name=\"q." + TOUCHPOINT + "\" value=\"5\" checked", ">等了太久</textarea>");
        assertThat(invitations.column("SELECT status FROM invitation WHERE id = ?", sent.id())).isEqualTo("SENT");

        String english = post(sent, Map.of("lang", "en", "q." + ANCHOR, "99")).statusCode(422).extract().asString();
        assertThat(english).contains("<html lang=\"en\">", "Please choose a score from 0 to 10.");
    }

    @Test
    void theSavedDraftIsShownWhenTheLinkIsReopened() {
        Sent sent = invitations.invitation().insert();
        given().contentType(ContentType.JSON)
                .body(Map.of("answers",
                        List.of(Map.of("questionId", ANCHOR, "score", 4),
                                Map.of("questionId", WHAT_WENT_WRONG, "choices", List.of(RISK)),
                                Map.of("questionId", OPEN_TEXT, "text", "<b>slow</b>"))))
                .put("/v1/s/{token}/draft", sent.token()).then().statusCode(204);
        String html = given().get("/s/{token}", sent.token()).then().statusCode(200).extract().asString();
        assertThat(html).contains("id=\"q0-4\" name=\"q.Q_NPS\" value=\"4\" checked",
                "id=\"q2-0\" name=\"q.Q_WRONG\" value=\"" + RISK + "\" checked", "&lt;b&gt;slow&lt;/b&gt;</textarea>")
                .doesNotContain("<b>slow</b>");
    }

    @Test
    void aPromoterDraftHidesTheDetractorBranchOnTheServerToo() {
        Sent sent = invitations.invitation().insert();
        given().contentType(ContentType.JSON).body(Map.of("answers", List.of(Map.of("questionId", ANCHOR, "score", 9))))
                .put("/v1/s/{token}/draft", sent.token()).then().statusCode(204);
        given().get("/s/{token}", sent.token()).then().statusCode(200)
                .body(containsString("data-show-max=\"6\" hidden disabled>"));
    }

    @Test
    void anAnsweredLinkSaysSoWith409() {
        Sent sent = invitations.invitation().insert();
        post(sent, Map.of("q." + ANCHOR, "10")).statusCode(303);
        given().get("/s/{token}", sent.token()).then().statusCode(409).contentType(containsString("text/html"))
                .body(containsString("您已完成此问卷")).body(containsString("data-page=\"answered\""));
        given().get("/s/{token}?lang=en", sent.token()).then().statusCode(409)
                .body(containsString("You have already answered this survey"));
        post(sent, Map.of("q." + ANCHOR, "10")).statusCode(409);
        assertThat(invitations.column("SELECT count(*) FROM response WHERE invitation_id = ?", sent.id()))
                .isEqualTo("1");
    }

    @Test
    void anExpiredLinkIsGoneWith410() {
        Sent sent = invitations.invitation().locale("en").expired().insert();
        given().get("/s/{token}", sent.token()).then().statusCode(410).header("Cache-Control", "no-store")
                .body(containsString("<html lang=\"en\">")).body(containsString("This survey link has expired"))
                .body(containsString("data-page=\"expired\""));
        given().get("/s/{token}?lang=zh-CN", sent.token()).then().statusCode(410).body(containsString("此问卷链接已过期"));
        post(sent, Map.of("q." + ANCHOR, "10")).statusCode(410);
        given().get("/s/{token}/thanks", sent.token()).then().statusCode(410);
    }

    @Test
    void anUnknownOrForgedLinkIsNotFoundWith404InTheBrowsersLanguage() {
        Sent sent = invitations.invitation().insert();
        // signed with another key (the invitation exists): its tag fails, as any forgery's does
        String forged = new LinkTokens("some-other-survey-link-key-0000").issue(sent.id()).token();
        given().get("/s/{token}", forged).then().statusCode(404).contentType(containsString("text/html"))
                .header("Content-Security-Policy", containsString("default-src 'self'"))
                .body(containsString("<html lang=\"zh-CN\">")).body(containsString("找不到此问卷"))
                .body(not(containsString(forged)));
        given().header("Accept-Language", "en-GB,en;q=0.9").get("/s/{token}", "garbage").then().statusCode(404)
                .body(containsString("Survey not found"));
        given().get("/s/{token}/thanks?lang=en", "garbage").then().statusCode(404)
                .body(containsString("Survey not found"));
        post(sent.token().substring(2), Map.of("q." + ANCHOR, "10")).statusCode(404);
    }

    @Test
    void theThanksPageOfAnUnansweredLinkLeadsBackToTheForm() {
        Sent sent = invitations.invitation().insert();
        given().redirects().follow(false).get("/s/{token}/thanks", sent.token()).then().statusCode(303)
                .header("Location", "/s/" + sent.token() + "?lang=zh-CN");
    }

    @Test
    void theStylesAndScriptAreServedFromTheServiceItself() {
        given().get("/s-assets/survey.css").then().statusCode(200).contentType(containsString("text/css"))
                .body(containsString(":focus-visible"));
        given().get("/s-assets/survey.js").then().statusCode(200).body(containsString("data-draft-url"));
    }

    @Test
    void aBearerlessRequestIsNeverAskedToLogIn() {
        Sent sent = invitations.invitation().insert();
        given().redirects().follow(false).get("/s/{token}", sent.token()).then().statusCode(200)
                .header("WWW-Authenticate", equalTo(null));
    }

    private static ValidatableResponse post(Sent sent, Map<String, String> form) {
        return post(sent.token(), form);
    }

    private static ValidatableResponse post(String token, Map<String, String> form) {
        // as a browser posts a UTF-8 page's form
        return given().redirects().follow(false).contentType("application/x-www-form-urlencoded; charset=UTF-8")
                .formParams(form).post("/s/{token}", token).then();
    }
}
