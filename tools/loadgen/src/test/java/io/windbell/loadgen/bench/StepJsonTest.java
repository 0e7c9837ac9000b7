package io.windbell.loadgen.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Python's json.dumps, repr(float) and round() as {@link PyJson} reproduces them. */
class StepJsonTest {

    @Test
    void floatsPrintAsPythonsRepr() {
        assertThat(PyJson.repr(12.0)).isEqualTo("12.0");
        assertThat(PyJson.repr(0.1)).isEqualTo("0.1");
        assertThat(PyJson.repr(1e-5)).isEqualTo("1e-05");
        assertThat(PyJson.repr(0.0001)).isEqualTo("0.0001");
        assertThat(PyJson.repr(1e16)).isEqualTo("1e+16");
        assertThat(PyJson.repr(1.5e300)).isEqualTo("1.5e+300");
        assertThat(PyJson.repr(1234567890123456.0)).isEqualTo("1234567890123456.0");
        assertThat(PyJson.repr(12345678.9)).isEqualTo("12345678.9");
        assertThat(PyJson.repr(-0.0)).isEqualTo("-0.0");
        assertThat(PyJson.repr(-2.5e-7)).isEqualTo("-2.5e-07");
    }

    @Test
    void roundIsHalfToEvenOnTheBinaryValue() {
        assertThat(PyJson.round(2.675, 2)).isEqualTo(2.67); // 2.67499999... in binary
        assertThat(PyJson.round(0.25, 1)).isEqualTo(0.2);
        assertThat(PyJson.round(0.35, 1)).isEqualTo(0.3); // 0.34999...
        assertThat(PyJson.round(12.05, 1)).isEqualTo(12.1); // 12.050000000000000710...
    }

    @Test
    void dumpsLikePython() throws Exception {
        var node = PyJson.parse("{\"a\": [1, 2.0, {}], \"b\": {\"c\": null, \"d\": []}, \"e\": \"Σ\\u0001\\\"\"}");
        assertThat(PyJson.dumps(node))
                .isEqualTo("{\"a\": [1, 2.0, {}], \"b\": {\"c\": null, \"d\": []}, \"e\": \"\\u03a3\\u0001\\\"\"}");
        assertThat(PyJson.dumpsIndented(node)).isEqualTo("""
                {
                  "a": [
                    1,
                    2.0,
                    {}
                  ],
                  "b": {
                    "c": null,
                    "d": []
                  },
                  "e": "\\u03a3\\u0001\\""
                }""");
    }
}
