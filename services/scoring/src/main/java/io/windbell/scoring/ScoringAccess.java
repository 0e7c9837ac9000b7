package io.windbell.scoring;

import java.util.Optional;
import java.util.Set;

import io.quarkus.security.identity.SecurityIdentity;
import io.windbell.platform.security.DataScope;

/**
 * Who reads which of scoring's numbers, in one place: CX analysts and admins every branch, a regional manager their
 * region, a branch manager their branch ({@link DataScope}). Every read endpoint narrows its branch and region filter
 * here; an empty answer means the caller asked outside their scope.
 */
public final class ScoringAccess {

    /** The roles that see every branch. */
    public static final Set<String> SEE_ALL = Set.of("cx-analyst", "cx-admin");

    private ScoringAccess() {
    }

    public static DataScope scope(SecurityIdentity identity) {
        return DataScope.of(identity, SEE_ALL);
    }

    /** The requested branch and region within the caller's scope, empty when they ask outside it. */
    public static Optional<DataScope.Filter> narrow(SecurityIdentity identity, String branchId, String regionId) {
        return scope(identity).narrow(branchId, regionId);
    }
}
