package io.windbell.loadgen.sim;

/** A simulated bank customer with the traits that stay the same across journeys. */
public record Customer(String id, String deviceId, String locale, String homeBranch, String relationshipManager,
        String os) {
}
