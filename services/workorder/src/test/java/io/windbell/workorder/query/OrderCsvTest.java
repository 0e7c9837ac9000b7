package io.windbell.workorder.query;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** CSV cells: quoted when they must be, and never run as a spreadsheet formula. */
class OrderCsvTest {

    @Test
    void cellsAreQuotedAndDefused() {
        assertThat(OrderCsv.cell("plain")).isEqualTo("plain");
        assertThat(OrderCsv.cell("a,b")).isEqualTo("\"a,b\"");
        assertThat(OrderCsv.cell("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
        assertThat(OrderCsv.cell("line\nbreak")).isEqualTo("\"line\nbreak\"");
        assertThat(OrderCsv.cell("=HYPERLINK(\"x\")")).isEqualTo("\"'=HYPERLINK(\"\"x\"\")\"");
        assertThat(OrderCsv.cell("-1")).isEqualTo("'-1");
        assertThat(OrderCsv.cell("")).isEmpty();
    }
}
