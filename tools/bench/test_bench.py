"""Unit tests of bench.py's parsing (python3 -m unittest discover -s tools/bench): the journey-replicas helpers."""
import os
import sys
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import bench  # noqa: E402

GROUP = """
GROUP            TOPIC                   PARTITION  CURRENT-OFFSET  LOG-END-OFFSET  LAG  CONSUMER-ID                                 HOST        CLIENT-ID
windbell-journey cx.touchpoint-events.v1 0          100             100             0    journey-r1-touchpoints-0-1b2c /127.0.0.1 journey-r1-touchpoints-0
windbell-journey cx.touchpoint-events.v1 1          90              90              0    journey-r1-touchpoints-1-9f0e /127.0.0.1 journey-r1-touchpoints-1
windbell-journey cx.touchpoint-events.v1 2          80              85              5    journey-r2-touchpoints-0-77aa /127.0.0.1 journey-r2-touchpoints-0
windbell-journey cx.touchpoint-events.v1 3          70              70              0    -                              -          -
"""

ID1 = "11111111-1111-1111-1111-111111111111"
ID2 = "22222222-2222-2222-2222-222222222222"
ID3 = "33333333-3333-3333-3333-333333333333"


def event(partition, offset, ce_id, instance, revision, ce_type="journey.started"):
    value = '{"journey":{"journeyInstanceId":"%s","revision":%d}}' % (instance, revision)
    return f"Partition:{partition}\tOffset:{offset}\tce_id:{ce_id},ce_type:{ce_type},traceparent:00-ab-cd-01\t{value}\n"


class GroupAssignmentTest(unittest.TestCase):
    def test_known_lag_is_summed_when_a_partition_has_none(self):
        text = GROUP + "windbell-journey cx.touchpoint-events.v1 4          -               12              -    -  -  -\n"
        g = bench.group_assignment(text)
        self.assertIsNone(g["lag"])
        self.assertEqual(5, g["lagKnown"])
        self.assertEqual(1, g["unknownLag"])
        self.assertTrue(g["described"])
        self.assertFalse(bench.group_assignment("Error: the group is rebalancing")["described"])

    def test_partitions_per_replica_and_lag(self):
        g = bench.group_assignment(GROUP)
        self.assertEqual({"journey-r1": 2, "journey-r2": 1}, g["perReplica"])
        self.assertEqual(1, g["unassigned"])
        self.assertEqual(4, g["partitions"])
        self.assertEqual(5, g["lag"])


class JourneyEventsCheckTest(unittest.TestCase):
    def test_counts_only_what_came_after_the_start_offsets(self):
        start = ["cx.journey-events.v1:0:1", "cx.journey-events.v1:1:0"]
        lines = [event(0, 0, ID3, "a", 1),            # before the row: left out
                 event(0, 1, ID1, "a", 1),
                 event(1, 0, ID2, "b", 1)]
        r = bench.journey_events_check(start, lines)
        self.assertEqual(2, r["records"])
        self.assertEqual(0, r["idsSeenTwice"])
        self.assertEqual(0, r["stepsWithTwoIds"])

    def test_a_relay_retry_is_an_id_seen_twice_a_double_application_a_step_with_two_ids(self):
        lines = [event(0, 0, ID1, "a", 1), event(0, 1, ID1, "a", 1),   # the same record published twice
                 event(1, 0, ID2, "b", 1), event(1, 1, ID3, "b", 1)]   # one step emitted by two transactions
        r = bench.journey_events_check([], lines)
        self.assertEqual(1, r["idsSeenTwice"])
        self.assertEqual(1, r["stepsWithTwoIds"])
        self.assertEqual(3, r["distinctIds"])


class ReplicasRowTest(unittest.TestCase):
    def row(self, db, healths, kill=None, events=None):
        return bench.replicas_row("2", 2, {"records": 101, "uniqueEvents": 100, "duplicates": 1},
                                  {"caughtUp": True, "perS": 50.0, "consumeS": 2.0},
                                  healths, {"lag": 0, "perReplica": {"journey-r1": 3, "journey-r2": 3}}, db,
                                  events or {"records": 10, "steps": 10, "stepsWithTwoIds": 0}, kill or {}, 0, {})

    def test_every_event_once_passes(self):
        db = {"inboxRows": 100, "timelineRows": 100, "timelineDistinct": 100, "outboxLeft": 0, "revisionSum": 10}
        healths = {"journey-r1": {"touchpoints.applied": 60, "touchpoints.skipped": 1},
                   "journey-r2": {"touchpoints.applied": 40, "touchpoints.skipped": 2}}
        r = self.row(db, healths)
        self.assertTrue(r["appliedOnce"], r["failedChecks"])
        self.assertEqual(2, r["redelivered"])

    def test_an_event_applied_twice_fails(self):
        db = {"inboxRows": 100, "timelineRows": 101, "timelineDistinct": 100, "outboxLeft": 0, "revisionSum": 10}
        healths = {"journey-r1": {"touchpoints.applied": 61}, "journey-r2": {"touchpoints.applied": 40}}
        r = self.row(db, healths)
        self.assertFalse(r["appliedOnce"])
        self.assertIn("no event id twice on the timeline", r["failedChecks"])

    def test_a_killed_replica_is_not_held_to_the_sum_of_counters(self):
        db = {"inboxRows": 100, "timelineRows": 100, "timelineDistinct": 100, "outboxLeft": 0, "revisionSum": 10}
        r = self.row(db, {"journey-r1": {"touchpoints.applied": 70}}, kill={"killed": "journey-r2"})
        self.assertTrue(r["appliedOnce"], r["failedChecks"])
        self.assertIsNone(r["redelivered"])

    def test_a_journey_event_missing_from_the_topic_fails(self):
        db = {"inboxRows": 100, "timelineRows": 100, "timelineDistinct": 100, "outboxLeft": 0, "revisionSum": 11}
        healths = {"journey-r1": {"touchpoints.applied": 60}, "journey-r2": {"touchpoints.applied": 40, "touchpoints.skipped": 1}}
        r = self.row(db, healths)
        self.assertEqual(["journey steps on the topic = Σ revision of the instances"], r["failedChecks"])


class RateOnceReadyTest(unittest.TestCase):
    def test_from_the_first_sample_after_the_last_replica_is_ready(self):
        catchup = {"caughtUp": True, "pollerS": 20.0, "count": 1000, "progress": [[5.0, 0], [9.0, 100], [12.0, 400]]}
        self.assertEqual((75.0, 8.0), bench.rate_once_ready(catchup, {"journey-r1": 8.0, "journey-r2": 10.5}))

    def test_none_when_the_drain_ended_before(self):
        catchup = {"caughtUp": True, "pollerS": 9.0, "count": 1000, "progress": [[5.0, 0], [8.0, 900]]}
        self.assertEqual((None, None), bench.rate_once_ready(catchup, {"journey-r1": 8.5}))


class LongestStallTest(unittest.TestCase):
    def test_the_longest_run_without_progress_after_consumption_began(self):
        progress = [[1.0, 0], [2.0, 0], [3.0, 0], [4.0, 50], [5.0, 90], [6.0, 90], [7.0, 90], [8.5, 90], [9.0, 100]]
        self.assertEqual(3.5, bench.longest_stall(progress))


if __name__ == "__main__":
    unittest.main()
