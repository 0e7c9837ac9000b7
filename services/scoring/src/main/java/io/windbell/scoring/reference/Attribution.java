package io.windbell.scoring.reference;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;

/**
 * Where an event of one batch belongs: the customer's tier and home branch (from {@link CustomerProfiles}), the
 * branch's region (from {@link BranchDirectory}) and the bank's day of an instant. Plain data, built once per batch.
 */
public final class Attribution {

    /** The value a rollup stores for an unknown dimension: the rows still add up to the total. */
    public static final String UNKNOWN = "";

    private final Map<String, CustomerProfile> profiles;
    private final Map<String, String> regions;
    private final ZoneId zone;

    public Attribution(Map<String, CustomerProfile> profiles, Map<String, String> regions, ZoneId zone) {
        this.profiles = Map.copyOf(profiles);
        this.regions = Map.copyOf(regions);
        this.zone = zone;
    }

    /** The customer's tier, or {@link #UNKNOWN}. */
    public String tier(String customerId) {
        CustomerProfile profile = customerId == null ? null : profiles.get(customerId);
        return profile == null || profile.tier() == null ? UNKNOWN : profile.tier();
    }

    /**
     * The branch an event is attributed to: the branch it happened at when there is one (an assisted visit), else the
     * customer's home branch, else {@link #UNKNOWN}.
     */
    public String branch(String customerId, String eventBranch) {
        if (eventBranch != null) {
            return eventBranch;
        }
        CustomerProfile profile = customerId == null ? null : profiles.get(customerId);
        return profile == null || profile.homeBranchId() == null ? UNKNOWN : profile.homeBranchId();
    }

    /** The region of a branch in the directory, or {@link #UNKNOWN}. */
    public String region(String branchId) {
        String region = branchId == null ? null : regions.get(branchId);
        return region == null ? UNKNOWN : region;
    }

    /** The bank's calendar day of an instant. */
    public LocalDate day(Instant at) {
        return LocalDate.ofInstant(at, zone);
    }

    public ZoneId zone() {
        return zone;
    }
}
