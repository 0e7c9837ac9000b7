package io.windbell.contracts.journey;

/** Where a journey instance stands; carried in every summary so a consumer never has to replay the stream. */
public enum JourneyStatus {
    IN_PROGRESS, INTERRUPTED, COMPLETED
}
