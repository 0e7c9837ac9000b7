package io.windbell.workorder.access;

import org.eclipse.microprofile.jwt.JsonWebToken;

import io.quarkus.security.ForbiddenException;
import io.quarkus.security.identity.SecurityIdentity;
import io.windbell.platform.security.DataScope;

/**
 * Who sees which work orders, in one place, for every endpoint (lists, detail, commands, statistics, export): from the
 * token's roles and its {@code employee_id}, {@code branch_id}, {@code region_id} claims. The strongest role wins:
 * cx-admin, regional-manager, branch-manager, frontline; cx-analyst sees every order but only in statistics. A token
 * that lacks the claim its role needs sees nothing (403). See ADR 0022.
 */
public final class WorkOrderAccess {

    public static final String FRONTLINE = "frontline";
    public static final String BRANCH_MANAGER = "branch-manager";
    public static final String REGIONAL_MANAGER = "regional-manager";
    public static final String ADMIN = "cx-admin";
    public static final String ANALYST = "cx-analyst";
    public static final String EMPLOYEE_CLAIM = "employee_id";

    private WorkOrderAccess() {
    }

    /** The caller's view of orders themselves (lists, detail, commands, export); analysts have none (403). */
    public static Viewer orders(SecurityIdentity identity) {
        if (identity.hasRole(ADMIN)) {
            return new Viewer(Viewer.Kind.ALL, optional(identity, EMPLOYEE_CLAIM), null, null, actor(identity));
        }
        if (identity.hasRole(REGIONAL_MANAGER)) {
            return new Viewer(Viewer.Kind.REGION, optional(identity, EMPLOYEE_CLAIM), null,
                    required(identity, DataScope.REGION_CLAIM), actor(identity));
        }
        if (identity.hasRole(BRANCH_MANAGER)) {
            return new Viewer(Viewer.Kind.BRANCH, optional(identity, EMPLOYEE_CLAIM),
                    required(identity, DataScope.BRANCH_CLAIM), optional(identity, DataScope.REGION_CLAIM),
                    actor(identity));
        }
        if (identity.hasRole(FRONTLINE)) {
            String employee = required(identity, EMPLOYEE_CLAIM);
            return new Viewer(Viewer.Kind.FRONTLINE, employee, required(identity, DataScope.BRANCH_CLAIM), null,
                    employee);
        }
        throw new ForbiddenException("no role that sees work orders");
    }

    /** The caller's view for statistics: aggregates only, so a CX analyst sees every branch's numbers. */
    public static Viewer statistics(SecurityIdentity identity) {
        if (identity.hasRole(ANALYST) && !identity.hasRole(ADMIN)) {
            return new Viewer(Viewer.Kind.ALL, null, null, null, actor(identity));
        }
        return orders(identity);
    }

    private static String actor(SecurityIdentity identity) {
        String employee = optional(identity, EMPLOYEE_CLAIM);
        return employee != null ? employee : identity.getPrincipal().getName();
    }

    private static String required(SecurityIdentity identity, String claim) {
        String value = optional(identity, claim);
        if (value == null) {
            throw new ForbiddenException("no " + claim + " claim");
        }
        return value;
    }

    private static String optional(SecurityIdentity identity, String claim) {
        if (identity.getPrincipal() instanceof JsonWebToken token) {
            Object value = token.getClaim(claim);
            if (value != null && !value.toString().isBlank()) {
                return value.toString();
            }
        }
        return null;
    }
}
