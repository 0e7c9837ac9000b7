package io.windbell.survey.assembly;

import java.util.Map;
import java.util.OptionalLong;

/** The 90th percentile of each touchpoint's observed durations: a visit that took longer was slow. */
public record TouchpointNorms(Map<String, Long> p90Millis) {

    public static final TouchpointNorms NONE = new TouchpointNorms(Map.of());

    public TouchpointNorms {
        p90Millis = Map.copyOf(p90Millis);
    }

    public OptionalLong p90(String touchpoint) {
        Long value = p90Millis.get(touchpoint);
        return value == null ? OptionalLong.empty() : OptionalLong.of(value);
    }
}
