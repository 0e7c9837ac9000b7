package io.windbell.platform.logging;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.logging.Level;

import org.jboss.logmanager.ExtLogRecord;
import org.junit.jupiter.api.Test;

class RedactionTest {

    private static final String TOKEN = "Zm9vYmFyLXNlY3JldC1saW5rLXRva2Vu";
    private static final String JWT = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl";

    @Test
    void linkTokensInPathsAreRedacted() {
        assertThat(Redaction.redact("HTTP Request to /v1/s/" + TOKEN + "/responses failed, error id: 42"))
                .isEqualTo("HTTP Request to /v1/s/[redacted]/responses failed, error id: 42");
        assertThat(Redaction.redact("/s/" + TOKEN)).isEqualTo("/s/[redacted]");
        assertThat(Redaction.redact("\"GET /s/" + TOKEN + "?lang=en HTTP/1.1\" 500"))
                .isEqualTo("\"GET /s/[redacted]?lang=en HTTP/1.1\" 500");
        assertThat(Redaction.redact("link http://127.0.0.1:8083/s/" + TOKEN + " sent"))
                .isEqualTo("link http://127.0.0.1:8083/s/[redacted] sent");
        assertThat(Redaction.redact("instance=/v1/s/" + TOKEN)).isEqualTo("instance=/v1/s/[redacted]");
    }

    @Test
    void pathsThatHoldNoTokenStayAsTheyAre() {
        for (String text : new String[] { "/s-assets/survey.css", "/v1/surveys/x", "/v1/rules/abc", "/q/health",
                "GET /v1/customers/C01/timeline", "a/s/b is not a path of ours", "plain line" }) {
            assertThat(Redaction.redact(text)).isEqualTo(text);
        }
    }

    @Test
    void bearerTokensOAuthParametersAndJwtsAreRedacted() {
        assertThat(Redaction.redact("Authorization: Bearer abc.def-ghi")).isEqualTo("Authorization: Bearer [redacted]");
        assertThat(Redaction.redact("authorization=bearer xyz")).isEqualTo("authorization=bearer [redacted]");
        assertThat(Redaction.redact("grant_type=client_credentials&client_secret=s3cret&x=1"))
                .isEqualTo("grant_type=client_credentials&client_secret=[redacted]&x=1");
        assertThat(Redaction.redact("{\"access_token\":\"abc\",\"expires_in\":900}"))
                .isEqualTo("{\"access_token\":\"[redacted]\",\"expires_in\":900}");
        assertThat(Redaction.redact("/cb?access_token=abc&state=1")).isEqualTo("/cb?access_token=[redacted]&state=1");
        assertThat(Redaction.redact("token " + JWT + " rejected")).isEqualTo("token [redacted] rejected");
    }

    @Test
    void redactingTwiceChangesNothing() {
        // every handler's filter sees the same record: the second pass must leave the first one's result alone
        String once = Redaction.redact("GET /v1/s/" + TOKEN + "/draft Bearer " + JWT + " access_token=x");
        assertThat(Redaction.redact(once)).isEqualTo(once);
    }

    @Test
    void theFilterRedactsTheFormattedMessageAndTheExceptionChain() {
        ExtLogRecord record = new ExtLogRecord(Level.SEVERE, "HTTP Request to %s failed, error id: %s",
                ExtLogRecord.FormatStyle.PRINTF, RedactionTest.class.getName());
        record.setParameters(new Object[] { "/v1/s/" + TOKEN + "/draft", "e-1" });
        record.setThrown(new IllegalStateException("wrapper",
                new IllegalArgumentException("cannot read /s/" + TOKEN + " with Bearer " + JWT)));

        assertThat(new RedactingLogFilter().isLoggable(record)).isTrue();

        assertThat(record.getFormattedMessage())
                .isEqualTo("HTTP Request to /v1/s/[redacted]/draft failed, error id: e-1");
        StringWriter trace = new StringWriter();
        record.getThrown().printStackTrace(new PrintWriter(trace));
        assertThat(trace.toString()).doesNotContain(TOKEN).doesNotContain(JWT)
                .contains("java.lang.IllegalStateException: wrapper")
                .contains(
                        "Caused by: java.lang.IllegalArgumentException: cannot read /s/[redacted] with Bearer [redacted]")
                .contains("RedactionTest.theFilterRedactsTheFormattedMessageAndTheExceptionChain");
    }

    @Test
    void theFilterLeavesOrdinaryRecordsUntouched() {
        ExtLogRecord record = new ExtLogRecord(Level.INFO, "consumer %s started", ExtLogRecord.FormatStyle.PRINTF,
                RedactionTest.class.getName());
        record.setParameters(new Object[] { "journey-events" });
        IllegalStateException thrown = new IllegalStateException("database down");
        record.setThrown(thrown);

        assertThat(new RedactingLogFilter().isLoggable(record)).isTrue();

        assertThat(record.getFormattedMessage()).isEqualTo("consumer journey-events started");
        assertThat(record.getThrown()).isSameAs(thrown);
    }
}
