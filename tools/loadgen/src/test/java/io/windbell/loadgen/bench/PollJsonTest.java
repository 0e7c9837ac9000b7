package io.windbell.loadgen.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/** Python's float repr, round and fixed-point format as bench.py's JSON and progress lines show them. */
class PollJsonTest {

    private final JsonNode python = PollerTest.resource("latency-expected.json");

    PollJsonTest() throws IOException {
    }

    @Test
    void reprIsPythons() {
        for (JsonNode pair : python.get("repr")) {
            assertThat(PyJson.repr(pair.get(0).doubleValue())).as(pair.toString()).isEqualTo(pair.get(1).asText());
        }
    }

    @Test
    void roundIsPythonsHalfToEvenOnTheBinaryValue() {
        for (JsonNode row : python.get("round")) {
            double expected = row.get(2).doubleValue();
            assertThat(PyJson.round(row.get(0).doubleValue(), row.get(1).asInt())).as(row.toString())
                    .isEqualTo(expected);
        }
    }

    @Test
    void fixedIsPythonsFormat() {
        for (JsonNode row : python.get("fixed")) {
            double x = row.get(0).doubleValue();
            assertThat(PollJson.fixed(x, 1, 5)).as(row.toString()).isEqualTo(row.get(1).asText());
            assertThat(PollJson.fixed(x, 1, 0)).as(row.toString()).isEqualTo(row.get(2).asText());
        }
    }

    @Test
    void dumpsLikeJsonDumps() throws IOException {
        JsonNode tree = PyJson.MAPPER
                .readTree("{\"a\": [1, 2.5, null, true], \"b\": \"caf\u00e9 \\\"q\\\"\\n\\u0001~\u007f\","
                        + " \"c\": {}, \"d\": [], \"e\": 12345678901234567890, \"f\": 1e16}");
        assertThat(PyJson.dumps(tree)).isEqualTo("{\"a\": [1, 2.5, null, true], \"b\": \"caf\\u00e9 \\\"q\\\"\\n"
                + "\\u0001~\\u007f\", \"c\": {}, \"d\": [], \"e\": 12345678901234567890, \"f\": 1e+16}");
    }
}
