package io.windbell.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

class EventContentTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void findsRefusedStringsInEveryFieldKeyAndNestingByPath() throws Exception {
        JsonNode event = JSON.readTree("""
                {"sessionId":"sess\\u0000ion","channel":"MOBILE_APP","unknown":"\\u0007",
                 "attributes":{"ok":"fine","tags":["a","\\uD800"],"device":{"o\\u0001s":"iOS","model":"\\uFFFF"},
                  "we\\u0000ird":"x","odd key":"\\u001b"}}""");

        assertThat(EventContent.refusedPaths(event)).containsExactly("sessionId", "unknown", "attributes.tags[1]",
                "attributes.device[\"o\\u0001s\"]", "attributes.device.model", "attributes[\"we\\u0000ird\"]",
                "attributes[\"odd key\"]");
    }

    @Test
    void acceptableEventsHaveNoFindings() throws Exception {
        JsonNode event = JSON.readTree("""
                {"sessionId":"S-1","attributes":{"备注":"两行\\n文字\\t\\uD83D\\uDE00","n":[1,2.5,true,null]}}""");
        assertThat(EventContent.refusedPaths(event)).isEmpty();
    }

    @Test
    void aRefusedTopLevelValueIsNamedByThePrefix() throws Exception {
        assertThat(EventContent.refusedPaths(JSON.readTree("\"a\\u0000\""))).containsExactly("$");
        assertThat(EventContent.refusedPaths(JSON.readTree("{\"os\":\"\\u0000\"}"), "attributes"))
                .containsExactly("attributes.os");
    }

    @Test
    void printableWritesRefusedUnitsAsEscapesAndLeavesTextAlone() {
        assertThat(EventContent.printable("wealth.\u0000x")).isEqualTo("wealth.\\u0000x");
        assertThat(EventContent.printable("a\uD800b\uDC00\uFFFF")).isEqualTo("a\\uD800b\\uDC00\\uFFFF");
        assertThat(EventContent.printable("\u0000".repeat(3))).isEqualTo("\\u0000\\u0000\\u0000");
        String fine = "理财 \uD83D\uDE00\ttab";
        assertThat(EventContent.printable(fine)).isSameAs(fine);
        assertThat(Text.isAcceptable(EventContent.printable("x\u0000\u0001\uDBFF"))).isTrue();
        assertThat(EventContent.printable(null)).isNull();
    }
}
