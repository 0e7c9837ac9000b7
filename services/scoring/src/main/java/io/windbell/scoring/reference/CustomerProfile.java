package io.windbell.scoring.reference;

/**
 * What scoring knows about a customer from the channel apps: the tier (e.g. {@code mass}, {@code affluent},
 * {@code private}) and the home branch, each {@code null} until an event carried it.
 */
public record CustomerProfile(String tier, String homeBranchId) {
}
