package io.windbell.survey;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.windbell.survey.support.SentInvitations;
import io.windbell.survey.support.SentInvitations.Sent;
import io.windbell.survey.support.SurveyTestResource;
import io.windbell.testing.LogCapture;

/**
 * A survey link token is the respondent's credential: when a request under {@code /v1/s/{token}} fails, the framework's
 * error line ({@code HTTP Request to ... failed, error id: ...}) and the logged exception name the path, and the
 * console log must show it with the token redacted (libs/platform's RedactingLogFilter).
 */
@QuarkusTest
@QuarkusTestResource(value = SurveyTestResource.class, restrictToAnnotatedClass = true)
class NoCredentialsInLogsTest {

    @Inject
    DataSource dataSource;

    @Test
    void aFailingLinkRequestLogsThePathWithoutTheToken() {
        Sent sent = new SentInvitations(dataSource).invitation().insert();
        try (LogCapture log = LogCapture.ofConsole()) {
            given().get("/v1/s/{token}/test-only-failure", sent.token()).then().statusCode(500);

            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(log.lines())
                    .anyMatch(line -> line.contains("/v1/s/[redacted]/test-only-failure")));
            List<String> lines = log.lines();
            assertThat(lines).noneMatch(line -> line.contains(sent.token()));
            // the exception's message within the logged stack trace, too
            assertThat(lines).anyMatch(line -> line.contains("could not answer /v1/s/[redacted]/test-only-failure"));
        }
    }
}
