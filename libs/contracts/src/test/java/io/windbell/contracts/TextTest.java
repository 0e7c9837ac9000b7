package io.windbell.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Pattern;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TextTest {

    private static final Pattern SCHEMA_PATTERN = Pattern.compile(Text.TEXT_REGEX);

    @ParameterizedTest
    @ValueSource(strings = { "", "plain", "理财产品", "tab\there", "two\nlines\r\n", "emoji \uD83D\uDE00 ok",
            "\u007f\u0085", "\uFFFD" })
    void acceptsTextAProbeOrACustomerMayLegitimatelySend(String value) {
        assertThat(Text.isAcceptable(value)).isTrue();
        assertThat(Text.firstRefused(value)).isEqualTo(-1);
        assertThat(SCHEMA_PATTERN.matcher(value).matches()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = { "sess\u0000ion", "\u0001", "bell\u0007", "\u000b", "\u000c", "esc\u001b[31m", "\u001f",
            "\uFFFE", "\uFFFF" })
    void refusesWhatCannotBeStoredOrLogged(String value) {
        assertThat(Text.isAcceptable(value)).isFalse();
        assertThat(SCHEMA_PATTERN.matcher(value).matches()).as("the schema pattern agrees").isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = { "\uD800", "a\uD83D", "\uDE00b", "\uDE00\uD83D", "ok\uD83D\uDE00\uD83D" })
    void refusesUnpairedSurrogatesWhichTheSchemaPatternCannotName(String value) {
        assertThat(Text.isAcceptable(value)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = { "ab\u0000", "ab\uD800", "ab\uDC00", "ab\uFFFF" })
    void pointsAtTheFirstRefusedUnit(String value) {
        assertThat(Text.firstRefused(value)).isEqualTo(2);
    }

    @org.junit.jupiter.api.Test
    void nullIsNotTextToRefuse() {
        assertThat(Text.isAcceptable(null)).isTrue();
    }
}
