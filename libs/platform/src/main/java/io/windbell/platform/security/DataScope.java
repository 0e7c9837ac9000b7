package io.windbell.platform.security;

import java.util.Optional;
import java.util.Set;

import org.eclipse.microprofile.jwt.JsonWebToken;

import io.quarkus.security.ForbiddenException;
import io.quarkus.security.identity.SecurityIdentity;

/**
 * Which branches' data a caller may see, from the roles and the {@code branch_id} / {@code region_id} claims of their
 * token: everything, one branch, or one region. Every query that returns branch-attributed data narrows its filter with
 * {@link #narrow}, so a branch manager asking for another branch gets nothing, never the numbers.
 *
 * @param branchId
 *            set for {@link Kind#BRANCH}
 * @param regionId
 *            set for {@link Kind#REGION}
 */
public record DataScope(Kind kind, String branchId, String regionId) {

    public static final String BRANCH_CLAIM = "branch_id";
    public static final String REGION_CLAIM = "region_id";

    /** How far a caller sees. */
    public enum Kind {
        ALL, REGION, BRANCH
    }

    /** The scope of a caller who sees every branch. */
    public static final DataScope ALL = new DataScope(Kind.ALL, null, null);

    /**
     * The caller's scope: {@link Kind#ALL} with any of {@code seeAll}, else their region for {@code regional-manager},
     * else their branch. A scoped caller whose token lacks the claim is refused (403): without it there is nothing they
     * may see.
     */
    public static DataScope of(SecurityIdentity identity, Set<String> seeAll) {
        for (String role : seeAll) {
            if (identity.hasRole(role)) {
                return ALL;
            }
        }
        if (identity.hasRole("regional-manager")) {
            return new DataScope(Kind.REGION, null, claim(identity, REGION_CLAIM));
        }
        return new DataScope(Kind.BRANCH, claim(identity, BRANCH_CLAIM), null);
    }

    /** A filter by branch and region, each {@code null} for "any". */
    public record Filter(String branchId, String regionId) {
    }

    /**
     * The requested filter within this scope, or empty when the request asks for data outside it (the caller then gets
     * an empty result). A scoped caller's filter always carries their own branch or region.
     */
    public Optional<Filter> narrow(String requestedBranch, String requestedRegion) {
        return switch (kind) {
        case ALL -> Optional.of(new Filter(requestedBranch, requestedRegion));
        case REGION -> requestedRegion != null && !requestedRegion.equals(regionId) ? Optional.empty()
                : Optional.of(new Filter(requestedBranch, regionId));
        case BRANCH -> requestedBranch != null && !requestedBranch.equals(branchId) ? Optional.empty()
                : Optional.of(new Filter(branchId, requestedRegion));
        };
    }

    /** Whether a row attributed to this branch and region may be shown. */
    public boolean allows(String rowBranch, String rowRegion) {
        return switch (kind) {
        case ALL -> true;
        case REGION -> regionId.equals(rowRegion);
        case BRANCH -> branchId.equals(rowBranch);
        };
    }

    private static String claim(SecurityIdentity identity, String name) {
        if (identity.getPrincipal() instanceof JsonWebToken token) {
            Object value = token.getClaim(name);
            if (value != null && !value.toString().isBlank()) {
                return value.toString();
            }
        }
        throw new ForbiddenException("no " + name + " claim");
    }
}
