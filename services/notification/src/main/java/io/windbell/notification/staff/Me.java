package io.windbell.notification.staff;

import java.util.Set;

import io.quarkus.security.ForbiddenException;
import io.quarkus.security.identity.SecurityIdentity;
import io.windbell.platform.problem.ProblemException;
import io.windbell.platform.security.DataScope;

/**
 * The calling employee, from their token: the {@code employee_id}, {@code branch_id} and {@code region_id} claims, the
 * e-mail address and the Windbell roles. Every per-employee path ({@code /v1/employees/{employeeId}/…}) goes through
 * {@link #owner}: another employee's id is 404 (their stream and inbox do not exist for the caller), {@code me} is the
 * caller.
 */
public record Me(String employeeId, String branchId, String regionId, String email, String name, Set<String> roles) {

    public static final String EMPLOYEE_CLAIM = "employee_id";
    /** The path segment that names the caller. */
    public static final String SELF = "me";
    /** The roles of people who have a stream and an inbox. */
    public static final Set<String> STAFF_ROLES = Set.of("frontline", "branch-manager", "regional-manager",
            "cx-analyst", "cx-admin");

    /** The caller; 403 when the token names no employee (a service account has no inbox). */
    public static Me of(SecurityIdentity identity) {
        String employee = claim(identity, EMPLOYEE_CLAIM);
        if (employee == null || employee.isBlank()) {
            throw new ForbiddenException("the token names no employee (claim " + EMPLOYEE_CLAIM + ")");
        }
        Set<String> roles = identity.getRoles().stream().filter(STAFF_ROLES::contains)
                .collect(java.util.stream.Collectors.toUnmodifiableSet());
        return new Me(employee, claim(identity, DataScope.BRANCH_CLAIM), claim(identity, DataScope.REGION_CLAIM),
                claim(identity, "email"), claim(identity, "preferred_username"), roles);
    }

    /**
     * The caller, when {@code employeeIdInPath} names them ({@code me} or their own id); 404 otherwise, with the same
     * answer whether or not that employee exists.
     */
    public static Me owner(SecurityIdentity identity, String employeeIdInPath) {
        Me me = of(identity);
        if (!SELF.equals(employeeIdInPath) && !me.employeeId.equals(employeeIdInPath)) {
            throw ProblemException.notFound("employee", employeeIdInPath);
        }
        return me;
    }

    private static String claim(SecurityIdentity identity, String name) {
        if (identity.getPrincipal() instanceof org.eclipse.microprofile.jwt.JsonWebToken token) {
            Object value = token.getClaim(name);
            return value == null ? null : value.toString().replace("\"", "");
        }
        return identity.getAttribute(name);
    }
}
