package io.windbell.loadgen.sim;

import io.windbell.contracts.touchpoint.TouchpointRecorded;

/** A simulated event and when it happens, in milliseconds after the simulation starts. */
public record PlannedEvent(long atMillis, TouchpointRecorded event) {
}
