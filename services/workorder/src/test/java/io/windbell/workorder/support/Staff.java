package io.windbell.workorder.support;

import static io.restassured.RestAssured.given;

import io.restassured.specification.RequestSpecification;
import io.windbell.testing.TestTokens;

/**
 * Callers with real signed tokens (roles and the {@code employee_id}, {@code branch_id}, {@code region_id} claims), so
 * one test can act as several people in turn; shaped like the demo users of the realm.
 */
public final class Staff {

    private Staff() {
    }

    public static RequestSpecification frontline(String employee, String branch, String region) {
        return as(TestTokens.access("frontline").claim("employee_id", employee).claim("branch_id", branch)
                .claim("region_id", region));
    }

    public static RequestSpecification branchManager(String employee, String branch, String region) {
        return as(TestTokens.access("branch-manager").claim("employee_id", employee).claim("branch_id", branch)
                .claim("region_id", region));
    }

    public static RequestSpecification regionalManager(String employee, String region) {
        return as(TestTokens.access("regional-manager").claim("employee_id", employee).claim("region_id", region));
    }

    public static RequestSpecification admin() {
        return as(TestTokens.access("cx-admin"));
    }

    public static RequestSpecification analyst() {
        return as(TestTokens.access("cx-analyst"));
    }

    public static RequestSpecification as(TestTokens token) {
        return given().header("Authorization", token.bearer());
    }
}
