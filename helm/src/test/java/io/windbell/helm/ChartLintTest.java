package io.windbell.helm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import com.marcnuri.helm.LintResult;

/** {@code helm lint --strict} with the default values and with every value set, and the value sets it must refuse. */
class ChartLintTest {

    @TempDir
    Path work;

    @Test
    void defaultValuesPassStrictLint() {
        assertClean(WindbellChart.lint(WindbellChart.CHART));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = { "all-services.yaml", "network-policies.yaml", "notification.yaml", "hpa.yaml",
            "overrides.yaml", "gateway-external-upstreams.yaml" })
    void valueSetPassesStrictLint(String valueSet) throws Exception {
        Path chart = WindbellChart.chartWithValues(WindbellChart.resource("values/" + valueSet), work);
        assertClean(WindbellChart.lint(chart));
    }

    /** Each invalid value set is refused by the schema, both by lint and by template (= install). */
    @ParameterizedTest(name = "{0}")
    @CsvSource({ "missing-existing-secret.yaml, existingSecret", "empty-existing-secret.yaml,   existingSecret",
            "plaintext-password.yaml,      QUARKUS_DATASOURCE_PASSWORD", "unknown-key.yaml,             replicas",
            "root-port.yaml,               containerPort", "survey-without-public-base-url.yaml, publicBaseUrl",
            "survey-without-token-key-secret.yaml, existingSecret", "survey-token-key-literal.yaml,        tokenKey",
            "survey-token-key-in-env.yaml,         WINDBELL_SURVEY_INVITATIONS_TOKEN_KEY",
            "token-key-on-another-service.yaml,    journey", "ingress-on-another-service.yaml,      ingest",
            "upstreams-on-another-service.yaml,    journey", })
    void invalidValueSetFailsSchemaValidation(String valueSet, String offendingKey) throws Exception {
        Path values = WindbellChart.resource("invalid/" + valueSet);

        LintResult lint = WindbellChart.lint(WindbellChart.chartWithValues(values, work));
        assertThat(lint.isFailed()).as("lint of %s must fail", valueSet).isTrue();
        assertThat(String.join("\n", lint.getMessages())).contains("values don't meet the specifications of the schema")
                .contains(offendingKey);

        assertThatThrownBy(() -> WindbellChart.template(values)).as("template of %s must fail", valueSet)
                .hasMessageContaining("values don't meet the specifications of the schema")
                .hasMessageContaining(offendingKey);
    }

    private static void assertClean(LintResult result) {
        assertThat(result.isFailed()).as("lint failed: %s", result.getMessages()).isFalse();
        assertThat(result.getMessages()).noneMatch(m -> m.contains("[WARNING]") || m.contains("[ERROR]"));
    }
}
