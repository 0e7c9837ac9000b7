package io.windbell.notification.endpoint;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.windbell.platform.problem.Violation;

class EndpointSpecTest {

    private static final Set<String> INSECURE = Set.of("127.0.0.1", "localhost");
    private static final String SECRET = "s".repeat(32);

    @Test
    void aWellFormedWebhookAndRobotPass() {
        assertThat(new EndpointSpec("WEBHOOK", "CRM", "B001", List.of("workorder.created"),
                "https://hooks.example.com/windbell", SECRET, true).violations(INSECURE, false)).isEmpty();
        assertThat(new EndpointSpec("WECOM_ROBOT", "B001 group", null, null,
                "https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=abc", null, null).violations(INSECURE, false))
                        .isEmpty();
        assertThat(new EndpointSpec("WEBHOOK", "local", null, List.of(), "http://127.0.0.1:8099/hook", SECRET, true)
                .violations(INSECURE, false)).as("an insecure host from the configuration").isEmpty();
    }

    @Test
    void everyBrokenRuleIsNamedByItsField() {
        List<Violation> violations = new EndpointSpec("SLACK", " ", "B 001", List.of("Created!"),
                "http://hooks.example.com/x", null, null).violations(INSECURE, false);
        assertThat(violations).extracting(Violation::field).containsExactlyInAnyOrder("kind", "name", "branchId",
                "eventTypes[0]", "url");
    }

    @Test
    void aWebhookNeedsALongSecretAndARobotNone() {
        assertThat(fields(new EndpointSpec("WEBHOOK", "n", null, null, "https://h.example/x", null, true), false))
                .containsExactly("secret");
        assertThat(fields(new EndpointSpec("WEBHOOK", "n", null, null, "https://h.example/x", null, true), true))
                .as("a change keeps the stored secret").isEmpty();
        assertThat(fields(new EndpointSpec("WEBHOOK", "n", null, null, "https://h.example/x", "short", true), false))
                .containsExactly("secret");
        assertThat(fields(new EndpointSpec("WECOM_ROBOT", "n", null, null, "https://h.example/x", SECRET, true), false))
                .containsExactly("secret");
    }

    @Test
    void urlsMustBeAbsoluteHttpsWithoutUserInfo() {
        assertThat(EndpointSpec.urlProblem("ftp://h.example/x", INSECURE)).isNotNull();
        assertThat(EndpointSpec.urlProblem("/relative", INSECURE)).isNotNull();
        assertThat(EndpointSpec.urlProblem("https://user:pw@h.example/x", INSECURE)).isNotNull();
        assertThat(EndpointSpec.urlProblem("http://localhost:9/x", INSECURE)).isNull();
        assertThat(EndpointSpec.urlProblem("http://h.example/x", INSECURE)).contains("https");
    }

    private static List<String> fields(EndpointSpec spec, boolean storedSecret) {
        return spec.violations(INSECURE, storedSecret).stream().map(Violation::field).toList();
    }
}
