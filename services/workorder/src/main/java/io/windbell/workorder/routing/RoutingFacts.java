package io.windbell.workorder.routing;

import java.util.List;
import java.util.Optional;

/**
 * What the directory knows about one order's routing, loaded in its transaction: the touchpoint's branch and its
 * region, the customer's relationship manager, and every employee who could take it (the RM, the branch's, the region's
 * and the central branch's staff) with their load.
 *
 * @param branchId
 *            the touchpoint's branch (the order's), or {@code null}
 * @param regionId
 *            the branch's region from the directory, else the order's own region, or {@code null}
 * @param branchKnown
 *            whether the directory has the branch (only the reason text depends on it)
 * @param relationshipManagerId
 *            the customer's RM, or {@code null} when the customer has none (or no customer id)
 */
public record RoutingFacts(String branchId, String regionId, boolean branchKnown, String journeyCode,
        String relationshipManagerId, List<Candidate> staff) {

    public RoutingFacts {
        staff = staff == null ? List.of() : List.copyOf(staff);
    }

    Optional<Candidate> employee(String employeeId) {
        return staff.stream().filter(candidate -> candidate.employeeId().equals(employeeId)).findFirst();
    }
}
