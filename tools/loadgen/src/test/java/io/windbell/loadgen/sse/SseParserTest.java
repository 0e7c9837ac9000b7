package io.windbell.loadgen.sse;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The stream format of part A's contract, fed in awkward chunks. */
class SseParserTest {

    @Test
    void readyThenItemsWithIdsCommentsAndMultiLineDataWhateverTheChunks() {
        String stream = ": heartbeat\r\nevent: ready\r\ndata: {\"employeeId\":\"E0001\",\"lastSeq\":4}\r\n\r\n"
                + "id: 5\nevent: inbox-item\ndata: {\"seq\":5,\ndata: \"workOrderId\":\"w\"}\n\n" + ": heartbeat\r\r"
                + "data:plain\n\n";
        byte[] bytes = stream.getBytes(StandardCharsets.UTF_8);
        for (int chunk : new int[] { 1, 3, 7, bytes.length }) {
            List<SseParser.Event> events = new ArrayList<>();
            SseParser parser = new SseParser(events::add);
            for (int i = 0; i < bytes.length; i += chunk) {
                byte[] part = new byte[Math.min(chunk, bytes.length - i)];
                System.arraycopy(bytes, i, part, 0, part.length);
                parser.feed(part);
            }
            assertThat(events).as("chunks of " + chunk).containsExactly(
                    new SseParser.Event("ready", null, "{\"employeeId\":\"E0001\",\"lastSeq\":4}"),
                    new SseParser.Event("inbox-item", "5", "{\"seq\":5,\n\"workOrderId\":\"w\"}"),
                    new SseParser.Event("message", "5", "plain"));
        }
    }
}
