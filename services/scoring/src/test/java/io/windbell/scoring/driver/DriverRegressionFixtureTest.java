package io.windbell.scoring.driver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The regression against the independent fixture in {@code src/test/resources/drivers/}: 200 observations of a known
 * linear model with correlated factors, and the numbers numpy and scipy computed from them (see the README there).
 * Tolerances: 1e-9 relative on coefficients, standard errors and t; 1e-10 absolute on R², adjusted R², standardized
 * coefficients and the LMG shares; p-values 1e-9 absolute (Commons Math computes an upper tail as 1 - cdf, so a p-value
 * below about 1e-16 comes out as 0) and 1e-6 relative above 1e-6.
 */
class DriverRegressionFixtureTest {

    static List<String> factors;
    static double[][] x;
    static double[] y;
    static JsonNode expected;

    @BeforeAll
    static void load() throws IOException {
        List<double[]> rows = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(
                new InputStreamReader(resource("observations.csv"), StandardCharsets.UTF_8))) {
            String[] header = reader.readLine().split(",");
            factors = List.of(Arrays.copyOfRange(header, 1, header.length));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                rows.add(Arrays.stream(line.split(",")).mapToDouble(Double::parseDouble).toArray());
            }
        }
        y = rows.stream().mapToDouble(row -> row[0]).toArray();
        x = rows.stream().map(row -> Arrays.copyOfRange(row, 1, row.length)).toArray(double[][]::new);
        try (InputStream in = resource("expected.json")) {
            expected = new ObjectMapper().readTree(in);
        }
    }

    static InputStream resource(String name) {
        return DriverRegressionFixtureTest.class.getResourceAsStream("/drivers/" + name);
    }

    @Test
    void theModelMatchesNumpyAndScipy() {
        DriverModel model = DriverRegression.fit(factors, x, y);

        assertThat(model.status()).isEqualTo(DriverModel.Status.OK);
        assertThat(model.n()).isEqualTo(expected.get("n").asInt()).isEqualTo(200);
        relative(model.intercept(), expected.get("intercept"));
        assertThat(model.rSquared()).isCloseTo(expected.get("rSquared").asDouble(), within(1e-10));
        assertThat(model.adjustedRSquared()).isCloseTo(expected.get("adjustedRSquared").asDouble(), within(1e-10));
        relative(model.fStatistic(), expected.get("fStatistic"));
        pValue(model.fPValue(), expected.get("fPValue"));
        assertThat(model.effects()).hasSize(4);
        for (int j = 0; j < 4; j++) {
            DriverModel.Effect effect = model.effects().get(j);
            JsonNode want = expected.get("effects").get(j);
            assertThat(effect.factor()).isEqualTo(want.get("factor").asText());
            relative(effect.coefficient(), want.get("coefficient"));
            relative(effect.standardError(), want.get("standardError"));
            relative(effect.tStatistic(), want.get("tStatistic"));
            pValue(effect.pValue(), want.get("pValue"));
            assertThat(effect.standardizedCoefficient()).isCloseTo(want.get("standardizedCoefficient").asDouble(),
                    within(1e-10));
            assertThat(effect.standardizedStandardError()).isCloseTo(want.get("standardizedStandardError").asDouble(),
                    within(1e-10));
            assertThat(effect.importance()).isCloseTo(want.get("importance").asDouble(), within(1e-10));
            assertThat(effect.relativeImportance()).isCloseTo(want.get("relativeImportance").asDouble(), within(1e-10));
        }
    }

    @Test
    void theImportancesAddUpToRSquared() {
        DriverModel model = DriverRegression.fit(factors, x, y);

        double sum = model.effects().stream().mapToDouble(DriverModel.Effect::importance).sum();
        assertThat(sum).isCloseTo(model.rSquared(), within(1e-12));
        // the generating slopes were 3, 2, 0.5 and 4: loan.submit (x4) leads, loan.sms_verify (x3) is noise at n=200
        assertThat(model.effects().get(3).relativeImportance())
                .isGreaterThan(model.effects().get(2).relativeImportance());
        assertThat(model.effects().get(2).pValue()).isGreaterThan(0.05);
    }

    static void relative(double actual, JsonNode want) {
        double expectedValue = want.asDouble();
        assertThat(actual).isCloseTo(expectedValue, within(1e-9 * Math.abs(expectedValue)));
    }

    static void pValue(double actual, JsonNode want) {
        double expectedValue = want.asDouble();
        assertThat(actual).isCloseTo(expectedValue, within(1e-9));
        if (expectedValue > 1e-6) {
            assertThat(actual).isCloseTo(expectedValue, within(1e-6 * expectedValue));
        }
    }
}
