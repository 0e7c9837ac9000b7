package io.windbell.loadgen.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** tools/bench/test_bench.py ported: the same fixtures, the same assertions, on the Java ports. */
class StepBenchPyTest {

    static final String GROUP = """

            GROUP            TOPIC                   PARTITION  CURRENT-OFFSET  LOG-END-OFFSET  LAG  CONSUMER-ID                                 HOST        CLIENT-ID
            windbell-journey cx.touchpoint-events.v1 0          100             100             0    journey-r1-touchpoints-0-1b2c /127.0.0.1 journey-r1-touchpoints-0
            windbell-journey cx.touchpoint-events.v1 1          90              90              0    journey-r1-touchpoints-1-9f0e /127.0.0.1 journey-r1-touchpoints-1
            windbell-journey cx.touchpoint-events.v1 2          80              85              5    journey-r2-touchpoints-0-77aa /127.0.0.1 journey-r2-touchpoints-0
            windbell-journey cx.touchpoint-events.v1 3          70              70              0    -                              -          -
            """;

    static final String ID1 = "11111111-1111-1111-1111-111111111111";
    static final String ID2 = "22222222-2222-2222-2222-222222222222";
    static final String ID3 = "33333333-3333-3333-3333-333333333333";

    static String event(int partition, int offset, String ceId, String instance, int revision) {
        String value = "{\"journey\":{\"journeyInstanceId\":\"%s\",\"revision\":%d}}".formatted(instance, revision);
        return "Partition:%d\tOffset:%d\tce_id:%s,ce_type:journey.started,traceparent:00-ab-cd-01\t%s\n"
                .formatted(partition, offset, ceId, value);
    }

    static JsonNode json(String text) throws IOException {
        return PyJson.parse(text);
    }

    @Nested
    class GroupAssignmentTest {

        @Test
        void knownLagIsSummedWhenAPartitionHasNone() {
            String text = GROUP
                    + "windbell-journey cx.touchpoint-events.v1 4          -               12              -    -  -  -\n";
            GroupAssignment g = GroupAssignment.parse(text);
            assertThat(g.lag()).isNull();
            assertThat(g.lagKnown()).isEqualTo(5);
            assertThat(g.unknownLag()).isEqualTo(1);
            assertThat(g.described()).isTrue();
            assertThat(GroupAssignment.parse("Error: the group is rebalancing").described()).isFalse();
        }

        @Test
        void partitionsPerReplicaAndLag() {
            GroupAssignment g = GroupAssignment.parse(GROUP);
            assertThat(g.perReplica()).isEqualTo(Map.of("journey-r1", 2, "journey-r2", 1));
            assertThat(g.unassigned()).isEqualTo(1);
            assertThat(g.partitions()).isEqualTo(4);
            assertThat(g.lag()).isEqualTo(5);
        }
    }

    @Nested
    class JourneyEventsCheckTest {

        @Test
        void countsOnlyWhatCameAfterTheStartOffsets() {
            List<String> start = List.of("cx.journey-events.v1:0:1", "cx.journey-events.v1:1:0");
            List<String> lines = List.of(event(0, 0, ID3, "a", 1), // before the row: left out
                    event(0, 1, ID1, "a", 1), event(1, 0, ID2, "b", 1));
            JourneyEventsCheck r = JourneyEventsCheck.of(start, lines);
            assertThat(r.records()).isEqualTo(2);
            assertThat(r.idsSeenTwice()).isZero();
            assertThat(r.stepsWithTwoIds()).isZero();
        }

        @Test
        void aRelayRetryIsAnIdSeenTwiceADoubleApplicationAStepWithTwoIds() {
            List<String> lines = List.of(event(0, 0, ID1, "a", 1), event(0, 1, ID1, "a", 1), // the same record twice
                    event(1, 0, ID2, "b", 1), event(1, 1, ID3, "b", 1)); // one step emitted by two transactions
            JourneyEventsCheck r = JourneyEventsCheck.of(List.of(), lines);
            assertThat(r.idsSeenTwice()).isEqualTo(1);
            assertThat(r.stepsWithTwoIds()).isEqualTo(1);
            assertThat(r.distinctIds()).isEqualTo(3);
        }
    }

    @Nested
    class ReplicasRowTest {

        ObjectNode row(String db, Map<String, JsonNode> healths, String kill) throws IOException {
            GroupAssignment group = new GroupAssignment(0L, 0, true, 6, 0,
                    new TreeMap<>(Map.of("journey-r1", 3, "journey-r2", 3)), 0);
            return ReplicasRow.row("2", 2, json("{\"records\": 101, \"uniqueEvents\": 100, \"duplicates\": 1}"),
                    json("{\"caughtUp\": true, \"perS\": 50.0, \"consumeS\": 2.0}"), healths, group, json(db),
                    json("{\"records\": 10, \"steps\": 10, \"stepsWithTwoIds\": 0}"), json(kill), 0, Map.of());
        }

        Map<String, JsonNode> healths(String r1, String r2) throws IOException {
            Map<String, JsonNode> healths = new LinkedHashMap<>();
            healths.put("journey-r1", json(r1));
            if (r2 != null) {
                healths.put("journey-r2", json(r2));
            }
            return healths;
        }

        @Test
        void everyEventOncePasses() throws IOException {
            ObjectNode r = row(
                    "{\"inboxRows\": 100, \"timelineRows\": 100, \"timelineDistinct\": 100, \"outboxLeft\": 0, \"revisionSum\": 10}",
                    healths("{\"touchpoints.applied\": 60, \"touchpoints.skipped\": 1}",
                            "{\"touchpoints.applied\": 40, \"touchpoints.skipped\": 2}"),
                    "{}");
            assertThat(r.get("appliedOnce").booleanValue()).as(r.get("failedChecks").toString()).isTrue();
            assertThat(r.get("redelivered").intValue()).isEqualTo(2);
        }

        @Test
        void anEventAppliedTwiceFails() throws IOException {
            ObjectNode r = row(
                    "{\"inboxRows\": 100, \"timelineRows\": 101, \"timelineDistinct\": 100, \"outboxLeft\": 0, \"revisionSum\": 10}",
                    healths("{\"touchpoints.applied\": 61}", "{\"touchpoints.applied\": 40}"), "{}");
            assertThat(r.get("appliedOnce").booleanValue()).isFalse();
            assertThat(r.get("failedChecks")).contains(PyJson.NODES.textNode("no event id twice on the timeline"));
        }

        @Test
        void aKilledReplicaIsNotHeldToTheSumOfCounters() throws IOException {
            ObjectNode r = row(
                    "{\"inboxRows\": 100, \"timelineRows\": 100, \"timelineDistinct\": 100, \"outboxLeft\": 0, \"revisionSum\": 10}",
                    healths("{\"touchpoints.applied\": 70}", null), "{\"killed\": \"journey-r2\"}");
            assertThat(r.get("appliedOnce").booleanValue()).as(r.get("failedChecks").toString()).isTrue();
            assertThat(r.get("redelivered").isNull()).isTrue();
        }

        @Test
        void aJourneyEventMissingFromTheTopicFails() throws IOException {
            ObjectNode r = row(
                    "{\"inboxRows\": 100, \"timelineRows\": 100, \"timelineDistinct\": 100, \"outboxLeft\": 0, \"revisionSum\": 11}",
                    healths("{\"touchpoints.applied\": 60}",
                            "{\"touchpoints.applied\": 40, \"touchpoints.skipped\": 1}"),
                    "{}");
            assertThat(r.get("failedChecks"))
                    .isEqualTo(json("[\"journey steps on the topic = Σ revision of the instances\"]"));
        }
    }

    @Nested
    class RateOnceReadyTest {

        @Test
        void fromTheFirstSampleAfterTheLastReplicaIsReady() throws IOException {
            JsonNode catchup = json(
                    "{\"caughtUp\": true, \"pollerS\": 20.0, \"count\": 1000, \"progress\": [[5.0, 0], [9.0, 100], [12.0, 400]]}");
            ReplicasRow.OnceReady r = ReplicasRow.rateOnceReady(catchup, Map.of("journey-r1", 8.0, "journey-r2", 10.5));
            assertThat(r.eventsPerS()).isEqualTo(PyJson.NODES.numberNode(75.0));
            assertThat(r.seconds()).isEqualTo(PyJson.NODES.numberNode(8.0));
        }

        @Test
        void noneWhenTheDrainEndedBefore() throws IOException {
            JsonNode catchup = json(
                    "{\"caughtUp\": true, \"pollerS\": 9.0, \"count\": 1000, \"progress\": [[5.0, 0], [8.0, 900]]}");
            assertThat(ReplicasRow.rateOnceReady(catchup, Map.of("journey-r1", 8.5)))
                    .isEqualTo(ReplicasRow.OnceReady.NONE);
        }
    }

    @Nested
    class LongestStallTest {

        @Test
        void theLongestRunWithoutProgressAfterConsumptionBegan() throws IOException {
            JsonNode progress = json(
                    "[[1.0, 0], [2.0, 0], [3.0, 0], [4.0, 50], [5.0, 90], [6.0, 90], [7.0, 90], [8.5, 90], [9.0, 100]]");
            assertThat(ReplicasRow.longestStall(progress)).isEqualTo(PyJson.NODES.numberNode(3.5));
        }
    }
}
