package io.windbell.loadgen.sim;

import java.util.LinkedHashMap;
import java.util.Map;

/** Counts of the journeys a simulation started and how they were planned to end. */
public final class JourneyTally {

    private long started;
    private long completed;
    private long abandoned;
    private long stalled;
    private long channelSwitches;
    private long anonymousStarts;

    void add(Walk walk) {
        started++;
        switch (walk.ending()) {
        case COMPLETED -> completed++;
        case ABANDONED -> abandoned++;
        case STALLED -> stalled++;
        }
        if (walk.switchedChannel()) {
            channelSwitches++;
        }
        if (walk.anonymousStart()) {
            anonymousStarts++;
        }
    }

    public long started() {
        return started;
    }

    public Map<String, Long> asMap() {
        Map<String, Long> map = new LinkedHashMap<>();
        map.put("started", started);
        map.put("completed", completed);
        map.put("abandoned", abandoned);
        map.put("stalled", stalled);
        map.put("channelSwitches", channelSwitches);
        map.put("anonymousStarts", anonymousStarts);
        return map;
    }
}
