package io.windbell.loadgen.bench;

import java.util.OptionalLong;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The journey service's progress for the {@link Poller}: applied + skipped + dead-lettered in its admin API's
 * {@code /v1/admin/processing}, remembering the last answer (a failed poll keeps it). Replaces bench.py's
 * {@code done_count} and the {@code poll} closures of {@code cmd_journey_catchup} and {@code cmd_journey_settle}.
 */
final class ProcessingProbe implements Poller.Probe {

    private final AdminClient admin;
    private ObjectNode seen;

    ProcessingProbe(AdminClient admin) {
        this.admin = admin;
    }

    @Override
    public OptionalLong count() throws InterruptedException {
        ObjectNode answer = admin.processing();
        if (answer != null && !answer.isEmpty()) {
            seen = answer;
        }
        return seen == null ? OptionalLong.empty() : OptionalLong.of(doneCount(seen));
    }

    /** The last non-empty answer, or null. */
    ObjectNode seen() {
        return seen;
    }

    /** applied + skipped (redelivered or duplicate events the inbox recognised) + deadLettered. */
    static long doneCount(ObjectNode processing) {
        return PollJson.toLong(processing.get("applied")) + PollJson.toLong(processing.get("skipped"))
                + PollJson.toLong(processing.get("deadLettered"));
    }
}
