package io.windbell.workorder.directory;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

/** RFC 4180 as the imports read it: quotes, embedded line breaks, CRLF, and the line each record starts on. */
class CsvTest {

    @Test
    void recordsKeepTheLineTheyStartOnAcrossQuotedLineBreaksAndBlankLines() {
        Csv.Parsed parsed = Csv.parse("a,b\r\n\"x, y\",\"say \"\"hi\"\"\"\n\n\"two\nlines\",z\nlast,\n");

        assertThat(parsed.brokenAt()).isZero();
        assertThat(parsed.records()).containsExactly(new Csv.Record(1, List.of("a", "b")),
                new Csv.Record(2, List.of("x, y", "say \"hi\"")), new Csv.Record(4, List.of("two\nlines", "z")),
                new Csv.Record(6, List.of("last", "")));
    }

    @Test
    void aMissingFinalLineBreakAndAnEmptyQuotedFieldAreFine() {
        assertThat(Csv.parse("a,\"\"").records()).containsExactly(new Csv.Record(1, List.of("a", "")));
    }

    @Test
    void brokenQuotingNamesTheLineOfItsRecord() {
        assertThat(Csv.parse("a,b\nc,\"open\nd,e\n").brokenAt()).isEqualTo(2);
        assertThat(Csv.parse("a,b\nc,d\ne\"f,g\n").brokenAt()).isEqualTo(3);
        assertThat(Csv.parse("a,b\n\"c\"x,d\n").brokenAt()).isEqualTo(2);
    }
}
