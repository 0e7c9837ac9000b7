package io.windbell.workorder.special;

/**
 * What the cases of a pattern have in common besides their key: one touchpoint, one error code, one branch, one region
 * ({@code null} where they differ or none has one). Read from the pattern count's aggregates plus the case at hand.
 */
public record Spread(String touchpointCode, String errorCode, String branchId, String regionId) {

    /**
     * The value the stored cases ({@code distinct} non-null values, the least being {@code least}) and the current case
     * ({@code current}) share, or {@code null} when they differ; cases without a value do not disagree.
     */
    public static String common(long distinct, String least, String current) {
        if (distinct > 1) {
            return null;
        }
        if (distinct == 0) {
            return current;
        }
        return current == null || current.equals(least) ? least : null;
    }
}
