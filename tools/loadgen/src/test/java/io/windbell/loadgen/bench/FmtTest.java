package io.windbell.loadgen.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.NullNode;

/** {@link Fmt} against what Python prints for the same values (the expected strings are Python's). */
class FmtTest {

    @Test
    void fmtGroupsThousandsAndRoundsTheBinaryValueHalfToEven() {
        assertThat(Fmt.fmt(1234567.5, "events/s")).isEqualTo("1,234,568 events/s"); // f"{1234567.5:,.0f}"
        assertThat(Fmt.fmt(0.5, "")).isEqualTo("0");
        assertThat(Fmt.fmt(2.5, "")).isEqualTo("2");
        assertThat(Fmt.fmt(101.05, "ms", 1)).isEqualTo("101.0 ms"); // 101.05 is 101.04999... in binary
        assertThat(Fmt.fmt(0.125, "", 2)).isEqualTo("0.12");
        assertThat(Fmt.fmt(-0.25, "%")).isEqualTo("-0 %");
        assertThat(Fmt.fmt(-1234.5, "", 1)).isEqualTo("-1,234.5");
        assertThat(Fmt.fmt((Double) null, "ms", 1)).isEqualTo("n/a");
        assertThat(Fmt.fmt(Double.NaN, "")).isEqualTo("nan");
        assertThat(Fmt.fixed(100.0, 0, false)).isEqualTo("100");
    }

    @Test
    void strPrintsJsonValuesAsPython() {
        assertThat(Fmt.str(DoubleNode.valueOf(12.0))).isEqualTo("12.0");
        assertThat(Fmt.str(DoubleNode.valueOf(0.8))).isEqualTo("0.8");
        assertThat(Fmt.str(DoubleNode.valueOf(1e-5))).isEqualTo("1e-05");
        assertThat(Fmt.str(DoubleNode.valueOf(1e16))).isEqualTo("1e+16");
        assertThat(Fmt.str(DoubleNode.valueOf(1.5e16))).isEqualTo("1.5e+16");
        assertThat(Fmt.str(DoubleNode.valueOf(123456789012345.6))).isEqualTo("123456789012345.6");
        assertThat(Fmt.str(DoubleNode.valueOf(0.0001))).isEqualTo("0.0001");
        assertThat(Fmt.str(IntNode.valueOf(20))).isEqualTo("20");
        assertThat(Fmt.str(NullNode.getInstance())).isEqualTo("None");
        assertThat(Fmt.str(null)).isEqualTo("None");
    }

    @Test
    void verdict() {
        assertThat(Fmt.verdict(null)).isEqualTo("n/a");
        assertThat(Fmt.verdict(true)).isEqualTo("pass");
        assertThat(Fmt.verdict(false)).isEqualTo("**miss**");
    }
}
