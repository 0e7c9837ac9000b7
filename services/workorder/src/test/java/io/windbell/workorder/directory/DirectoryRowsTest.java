package io.windbell.workorder.directory;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.windbell.platform.problem.Violation;

/** The row-by-row validation of the imports, without Quarkus. */
class DirectoryRowsTest {

    @Test
    void aValidStaffRowBecomesARecordWithItsDefaults() {
        ImportRow row = row(2, "employeeId", "E0001", "name", "Li Na", "branchId", "B001", "regionId", "R01", "role",
                "frontline", "skills", "WEALTH_PURCHASE; LOAN ;WEALTH_PURCHASE");

        DirectoryRows.Validated<DirectoryRows.StaffRecord> validated = DirectoryRows.staff(List.of(row), Set.of(), 7);

        assertThat(validated.violations()).isEmpty();
        assertThat(validated.records()).containsExactly(new DirectoryRows.StaffRecord("E0001", "Li Na", "B001", "R01",
                StaffRole.FRONTLINE, null, null, List.of("WEALTH_PURCHASE", "LOAN"), 7, true, false, null));
    }

    @Test
    void everyBadFieldOfEveryRowIsReported() {
        List<ImportRow> rows = List.of(
                row(2, "employeeId", "E0001", "name", "A", "branchId", "B001", "role", "FRONTLINE", "managerId",
                        "E0002"),
                row(3, "employeeId", "bad id", "name", "B", "branchId", "B001", "role", "JANITOR", "capacity", "-1"),
                row(4, "employeeId", "E0001", "name", "C", "branchId", "B001", "role", "FRONTLINE", "managerId",
                        "E0001", "active", "yes", "onLeaveUntil", "10/12/2026"),
                row(5, "employeeId", "E0005", "branchId", "B001", "role", "REGIONAL_MANAGER", "managerId", "E0404"));

        List<Violation> violations = DirectoryRows.staff(rows, Set.of("E0002"), 10).violations();

        assertThat(violations).containsExactlyInAnyOrder(
                new Violation("line[4].employeeId", "repeats the id of line[2]"),
                new Violation("line[3].employeeId",
                        "must match " + io.windbell.contracts.Identifiers.EMPLOYEE_ID_REGEX),
                new Violation("line[3].role", "must be one of " + java.util.Arrays.toString(StaffRole.values())),
                new Violation("line[3].capacity", "must be a whole number from 0 to 10000"),
                new Violation("line[4].managerId", "an employee cannot be their own manager"),
                new Violation("line[4].active", "must be true or false"),
                new Violation("line[4].onLeaveUntil", "must be an ISO date, e.g. 2026-12-10"),
                new Violation("line[5].name", "is required"),
                new Violation("line[5].managerId", "names no employee of this file or of the directory"),
                new Violation("line[5].regionId", "is required for a REGIONAL_MANAGER"));
    }

    @Test
    void aManagerMayBeLaterInTheSameFileAndALeaveMayBeGiven() {
        List<ImportRow> rows = List.of(
                row(2, "employeeId", "E0001", "name", "A", "branchId", "B001", "role", "FRONTLINE", "managerId",
                        "E0101", "onLeaveUntil", "2026-12-10"),
                row(3, "employeeId", "E0101", "name", "M", "branchId", "B001", "role", "BRANCH_MANAGER"));

        DirectoryRows.Validated<DirectoryRows.StaffRecord> validated = DirectoryRows.staff(rows, Set.of(), 10);

        assertThat(validated.violations()).isEmpty();
        assertThat(validated.records().getFirst().leaveGiven()).isTrue();
        assertThat(validated.records().getFirst().onLeaveUntil()).isEqualTo(LocalDate.parse("2026-12-10"));
    }

    @Test
    void relationshipManagersAndBranchManagersMustAlreadyBeInTheDirectory() {
        assertThat(DirectoryRows.relationshipManagers(List.of(row(2, "customerId", "C1", "employeeId", "E0009"),
                row(3, "customerId", "C1", "employeeId", "E0001")), Set.of("E0001")).violations())
                        .containsExactlyInAnyOrder(new Violation("line[3].customerId", "repeats the id of line[2]"),
                                new Violation("line[2].employeeId",
                                        "names no employee of the directory (import the staff first)"));
        assertThat(DirectoryRows.branches(List.of(row(2, "branchId", "B001", "name", "Futian")), Set.of()).violations())
                .containsExactly(new Violation("line[2].regionId", "is required"));
    }

    private static ImportRow row(int line, String... pairs) {
        Map<String, String> values = new HashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            values.put(pairs[i], pairs[i + 1]);
        }
        return new ImportRow("line[" + line + "]", line, values);
    }
}
