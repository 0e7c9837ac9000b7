package io.windbell.loadgen.sim;

/**
 * A simulated bank customer with the traits that stay the same across journeys.
 *
 * @param tier
 *            the bank's customer tier ({@code mass}, {@code affluent}, {@code private}), sent as the
 *            {@code customerTier} attribute the way a channel app knows it for a logged-in customer
 */
public record Customer(String id, String deviceId, String locale, String homeBranch, String relationshipManager,
        String os, String tier) {
}
