package io.windbell.workorder.directory;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import io.windbell.contracts.Identifiers;
import io.windbell.platform.problem.Violation;

/**
 * The validation of the three imports, row by row, before anything is written: ids by the {@link Identifiers} rules,
 * known roles, capacities, no id twice in one file, and references (managers, relationship managers) to employees that
 * the file or the directory holds. Every bad field of every row is reported; a file with any is imported not at all.
 */
public final class DirectoryRows {

    /** Calendar codes as the calendars name them (e.g. {@code CN}, {@code HK}). */
    public static final String CALENDAR_REGEX = "^[A-Za-z0-9][A-Za-z0-9._:-]{0,31}$";
    /** Skills: journey codes (e.g. {@code WEALTH_PURCHASE}) or product families (e.g. {@code WEALTH}). */
    public static final String SKILL_REGEX = "^[A-Z][A-Z0-9_-]{1,47}$";
    public static final int NAME_MAX = 200;
    public static final int SKILLS_MAX = 50;
    public static final int CAPACITY_MAX = 10_000;

    private static final Pattern CALENDAR = Pattern.compile(CALENDAR_REGEX);
    private static final Pattern SKILL = Pattern.compile(SKILL_REGEX);

    /** The valid records of a file, or the violations that refuse it (when there are any, nothing is written). */
    public record Validated<T>(List<T> records, List<Violation> violations) {
    }

    /**
     * One employee as imported.
     *
     * @param leaveGiven
     *            whether the file has {@code onLeaveUntil} (an optional column); when not, the stored value stays
     */
    public record StaffRecord(String employeeId, String name, String branchId, String regionId, StaffRole role,
            String managerId, String calendar, List<String> skills, int capacity, boolean active, boolean leaveGiven,
            LocalDate onLeaveUntil) {
    }

    public record BranchRecord(String branchId, String regionId, String name, String managerId) {
    }

    public record RelationshipRecord(String customerId, String employeeId) {
    }

    private DirectoryRows() {
    }

    /** The employee ids {@code rows} refer to (managers, relationship managers): the directory is asked about them. */
    public static Set<String> references(ImportLayout layout, List<ImportRow> rows) {
        String column = layout == ImportLayout.RELATIONSHIP_MANAGERS ? "employeeId" : "managerId";
        Set<String> ids = new LinkedHashSet<>();
        rows.stream().map(row -> row.get(column)).filter(Identifiers::isEmployeeId).forEach(ids::add);
        return ids;
    }

    /**
     * @param knownEmployees
     *            the referenced employees the directory already has
     */
    public static Validated<StaffRecord> staff(List<ImportRow> rows, Set<String> knownEmployees, int defaultCapacity) {
        List<Violation> violations = new ArrayList<>();
        Map<String, ImportRow> byId = firstOccurrences(rows, "employeeId", violations);
        List<StaffRecord> records = new ArrayList<>();
        for (ImportRow row : rows) {
            RowCheck check = new RowCheck(row, violations);
            String id = check.id("employeeId", Identifiers::isEmployeeId, Identifiers.EMPLOYEE_ID_REGEX, true);
            String name = check.text("name", NAME_MAX);
            String branch = check.id("branchId", Identifiers::isBranchId, Identifiers.BRANCH_ID_REGEX, true);
            String region = check.id("regionId", Identifiers::isRegionId, Identifiers.REGION_ID_REGEX, false);
            StaffRole role = check.oneOf("role", StaffRole.class);
            String manager = check.id("managerId", Identifiers::isEmployeeId, Identifiers.EMPLOYEE_ID_REGEX, false);
            if (manager != null && manager.equals(id)) {
                check.fail("managerId", "an employee cannot be their own manager");
            } else if (manager != null && !byId.containsKey(manager) && !knownEmployees.contains(manager)) {
                check.fail("managerId", "names no employee of this file or of the directory");
            }
            String calendar = check.id("calendar", value -> CALENDAR.matcher(value).matches(), CALENDAR_REGEX, false);
            List<String> skills = check.list("skills", SKILL, SKILL_REGEX, SKILLS_MAX);
            int capacity = check.integer("capacity", 0, CAPACITY_MAX, defaultCapacity);
            boolean active = check.bool("active", true);
            LocalDate leave = check.date("onLeaveUntil");
            if (role == StaffRole.REGIONAL_MANAGER && region == null && row.get("regionId") == null) {
                check.fail("regionId", "is required for a REGIONAL_MANAGER");
            }
            records.add(new StaffRecord(id, name, branch, region, role, manager, calendar, skills, capacity, active,
                    row.has("onLeaveUntil"), leave));
        }
        return new Validated<>(records, violations);
    }

    public static Validated<BranchRecord> branches(List<ImportRow> rows, Set<String> knownEmployees) {
        List<Violation> violations = new ArrayList<>();
        firstOccurrences(rows, "branchId", violations);
        List<BranchRecord> records = new ArrayList<>();
        for (ImportRow row : rows) {
            RowCheck check = new RowCheck(row, violations);
            String id = check.id("branchId", Identifiers::isBranchId, Identifiers.BRANCH_ID_REGEX, true);
            String region = check.id("regionId", Identifiers::isRegionId, Identifiers.REGION_ID_REGEX, true);
            String name = check.text("name", NAME_MAX);
            String manager = check.id("managerId", Identifiers::isEmployeeId, Identifiers.EMPLOYEE_ID_REGEX, false);
            if (manager != null && !knownEmployees.contains(manager)) {
                check.fail("managerId", "names no employee of the directory (import the staff first)");
            }
            records.add(new BranchRecord(id, region, name, manager));
        }
        return new Validated<>(records, violations);
    }

    public static Validated<RelationshipRecord> relationshipManagers(List<ImportRow> rows, Set<String> knownEmployees) {
        List<Violation> violations = new ArrayList<>();
        firstOccurrences(rows, "customerId", violations);
        List<RelationshipRecord> records = new ArrayList<>();
        for (ImportRow row : rows) {
            RowCheck check = new RowCheck(row, violations);
            String customer = check.id("customerId", Identifiers::isCustomerId, Identifiers.CUSTOMER_ID_REGEX, true);
            String employee = check.id("employeeId", Identifiers::isEmployeeId, Identifiers.EMPLOYEE_ID_REGEX, true);
            if (employee != null && !knownEmployees.contains(employee)) {
                check.fail("employeeId", "names no employee of the directory (import the staff first)");
            }
            records.add(new RelationshipRecord(customer, employee));
        }
        return new Validated<>(records, violations);
    }

    /** Each id's first row; a later row with the same id is a violation naming the first. */
    private static Map<String, ImportRow> firstOccurrences(List<ImportRow> rows, String column,
            List<Violation> violations) {
        Map<String, ImportRow> first = new HashMap<>();
        for (ImportRow row : rows) {
            String id = row.get(column);
            if (id == null) {
                continue;
            }
            ImportRow earlier = first.putIfAbsent(id, row);
            if (earlier != null) {
                violations.add(new Violation(row.field(column), "repeats the id of " + earlier.label()));
            }
        }
        return first;
    }
}
