package io.windbell.loadgen.sim;

import java.util.LinkedHashMap;
import java.util.Map;

import io.windbell.loadgen.sim.PlannedEvent.Delivery;

/** Counts of the journeys a simulation started, how they were planned to end, and how their events were delivered. */
public final class JourneyTally {

    private long started;
    private long completed;
    private long failed;
    private long retried;
    private long switchedAfterFailure;
    private long stoppedAfterFailure;
    private long abandoned;
    private long stalled;
    private long channelSwitches;
    private long anonymousStarts;
    private long logins;
    private long events;
    private long duplicates;
    private long lateSends;

    void add(Walk walk) {
        started++;
        switch (walk.ending()) {
        case COMPLETED -> completed++;
        case FAILED -> {
        }
        case ABANDONED -> abandoned++;
        case STALLED -> stalled++;
        }
        switch (walk.recovery()) {
        case RETRIED -> retried++;
        case SWITCHED -> switchedAfterFailure++;
        case STOPPED -> stoppedAfterFailure++;
        case NONE -> {
        }
        }
        if (walk.recovery() != Walk.Recovery.NONE) {
            failed++;
        }
        if (walk.switchedChannel()) {
            channelSwitches++;
        }
        if (walk.anonymousStart()) {
            anonymousStarts++;
        }
        if (walk.loggedIn()) {
            logins++;
        }
        events += walk.events().size();
        duplicates += walk.count(Delivery.DUPLICATE);
        lateSends += walk.count(Delivery.LATE);
    }

    public long started() {
        return started;
    }

    public Map<String, Long> asMap() {
        Map<String, Long> map = new LinkedHashMap<>();
        map.put("started", started);
        map.put("completed", completed);
        map.put("failedAtKeyNode", failed);
        map.put("retriedAfterFailure", retried);
        map.put("switchedAfterFailure", switchedAfterFailure);
        map.put("stoppedAfterFailure", stoppedAfterFailure);
        map.put("abandoned", abandoned);
        map.put("stalled", stalled);
        map.put("channelSwitches", channelSwitches);
        map.put("anonymousStarts", anonymousStarts);
        map.put("logins", logins);
        map.put("events", events);
        map.put("duplicates", duplicates);
        map.put("lateSends", lateSends);
        return map;
    }
}
