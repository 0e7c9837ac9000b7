package io.windbell.workorder.directory;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.windbell.platform.problem.Problem;
import io.windbell.platform.problem.ProblemException;
import io.windbell.platform.problem.Violation;
import io.windbell.workorder.directory.DirectoryRows.BranchRecord;
import io.windbell.workorder.directory.DirectoryRows.RelationshipRecord;
import io.windbell.workorder.directory.DirectoryRows.StaffRecord;
import io.windbell.workorder.directory.DirectoryRows.Validated;

/**
 * The bulk imports of the staff directory (the bank's HR extract): read, validated row by row, then written in one
 * transaction with upsert semantics (a row replaces the stored one with the same id), or not at all. A staff import in
 * {@link Mode#REPLACE} also deactivates the employees of the file's branches that the file leaves out.
 */
@ApplicationScoped
public class DirectoryImports {

    private static final Logger LOG = Logger.getLogger(DirectoryImports.class);
    private static final Pattern ROW = Pattern.compile("^(?:line|\\$)\\[(\\d+)]");

    /** Whether an import only adds and updates, or also deactivates who it leaves out (staff only). */
    public enum Mode {
        UPSERT, REPLACE
    }

    /** What an import did: rows imported, of which created and updated; employees deactivated by a replace. */
    public record Result(int imported, int created, int updated, int deactivated) {
    }

    private final DirectoryConfig config;
    private final ImportReader reader;

    public DirectoryImports(DirectoryConfig config, ObjectMapper mapper) {
        this.config = config;
        this.reader = new ImportReader(mapper);
    }

    public Uni<Result> staff(String mediaType, byte[] body, Mode mode, Instant now) {
        List<ImportRow> rows = read(ImportLayout.STAFF, mediaType, body);
        return Panache
                .withTransaction(() -> known(DirectoryRows.references(ImportLayout.STAFF, rows)).map(
                        known -> valid(ImportLayout.STAFF, DirectoryRows.staff(rows, known, config.defaultCapacity())))
                        .chain(records -> writeStaff(records, mode, now)))
                .invoke(result -> LOG.infof("Staff import (%s): %d rows, %d created, %d updated, %d deactivated", mode,
                        result.imported(), result.created(), result.updated(), result.deactivated()));
    }

    public Uni<Result> branches(String mediaType, byte[] body, Instant now) {
        List<ImportRow> rows = read(ImportLayout.BRANCHES, mediaType, body);
        Target<BranchRecord, Branch> target = new Target<>(Branch.class, "branchId", BranchRecord::branchId,
                branch -> branch.branchId, Branch::new, (branch, record) -> {
                    branch.branchId = record.branchId();
                    branch.regionId = record.regionId();
                    branch.name = record.name();
                    branch.managerId = record.managerId();
                    branch.createdAt = branch.createdAt == null ? now : branch.createdAt;
                    branch.updatedAt = now;
                });
        return Panache.withTransaction(() -> known(DirectoryRows.references(ImportLayout.BRANCHES, rows))
                .map(known -> valid(ImportLayout.BRANCHES, DirectoryRows.branches(rows, known)))
                .chain(records -> upsert(records, target)));
    }

    public Uni<Result> relationshipManagers(String mediaType, byte[] body, Instant now) {
        List<ImportRow> rows = read(ImportLayout.RELATIONSHIP_MANAGERS, mediaType, body);
        Target<RelationshipRecord, RelationshipManager> target = new Target<>(RelationshipManager.class, "customerId",
                RelationshipRecord::customerId, assignment -> assignment.customerId, RelationshipManager::new,
                (assignment, record) -> {
                    // "since" is when this employee became the RM: a repeated assignment keeps it
                    if (!record.employeeId().equals(assignment.employeeId)) {
                        assignment.since = now;
                    }
                    assignment.customerId = record.customerId();
                    assignment.employeeId = record.employeeId();
                });
        return Panache
                .withTransaction(() -> known(DirectoryRows.references(ImportLayout.RELATIONSHIP_MANAGERS, rows))
                        .map(known -> valid(ImportLayout.RELATIONSHIP_MANAGERS,
                                DirectoryRows.relationshipManagers(rows, known)))
                        .chain(records -> upsert(records, target)));
    }

    private Uni<Result> writeStaff(List<StaffRecord> records, Mode mode, Instant now) {
        List<String> ids = records.stream().map(StaffRecord::employeeId).toList();
        Target<StaffRecord, Employee> target = new Target<>(Employee.class, "employeeId", StaffRecord::employeeId,
                employee -> employee.employeeId, Employee::new, (employee, record) -> {
                    copy(employee, record);
                    employee.createdAt = employee.createdAt == null ? now : employee.createdAt;
                    employee.updatedAt = now;
                });
        // only in the file's branches: a partial extract (one region's) cannot deactivate the rest of the bank; first,
        // so that the bulk update cannot touch the rows this import loads and changes afterwards
        List<String> branches = records.stream().map(StaffRecord::branchId).distinct().toList();
        Uni<Integer> deactivated = mode == Mode.REPLACE ? Employee.update(
                "active = false, updatedAt = ?1 where active = true and branchId in ?2 and employeeId not in ?3", now,
                branches, ids) : Uni.createFrom().item(0);
        return deactivated.chain(off -> upsert(records, target)
                .map(result -> new Result(result.imported(), result.created(), result.updated(), off)));
    }

    private static void copy(Employee employee, StaffRecord record) {
        employee.employeeId = record.employeeId();
        employee.name = record.name();
        employee.branchId = record.branchId();
        employee.regionId = record.regionId();
        employee.role = record.role();
        employee.managerId = record.managerId();
        employee.calendar = record.calendar();
        employee.skills = record.skills().toArray(String[]::new);
        employee.capacity = record.capacity();
        employee.active = record.active();
        if (record.leaveGiven()) {
            employee.onLeaveUntil = record.onLeaveUntil();
        }
    }

    /** Where the records of one import go: the entity, its id on both sides, how to make one and fill it in. */
    private record Target<R, E>(Class<E> type, String idField, Function<R, String> recordId,
            Function<E, String> entityId, Supplier<E> create, BiConsumer<E, R> fill) {
    }

    /** Updates the stored rows with the records' ids and persists the others, in the caller's transaction. */
    private static <R, E> Uni<Result> upsert(List<R> records, Target<R, E> target) {
        List<String> ids = records.stream().map(target.recordId()).toList();
        String query = "from " + target.type().getSimpleName() + " where " + target.idField() + " in :ids";
        return Panache.getSession().chain(session -> session.createSelectionQuery(query, target.type())
                .setParameter("ids", ids).getResultList().chain(stored -> {
                    Map<String, E> byId = stored.stream()
                            .collect(Collectors.toMap(target.entityId(), Function.identity()));
                    List<E> created = new ArrayList<>();
                    for (R record : records) {
                        E entity = byId.get(target.recordId().apply(record));
                        if (entity == null) {
                            entity = target.create().get();
                            created.add(entity);
                        }
                        target.fill().accept(entity, record);
                    }
                    return session.persistAll(created.toArray()).replaceWith(
                            new Result(records.size(), created.size(), records.size() - created.size(), 0));
                }));
    }

    /** The rows of the body; 413 when it is too large, 400 when it does not read or holds no row. */
    private List<ImportRow> read(ImportLayout layout, String mediaType, byte[] body) {
        if (body.length > config.importMaxBytes()) {
            throw tooLarge(
                    "an import may be at most " + config.importMaxBytes() + " bytes, this one has " + body.length);
        }
        ImportReader.Rows read = reader.read(layout, mediaType, body);
        if (!read.violations().isEmpty()) {
            throw invalid(layout, read.violations());
        }
        if (read.rows().size() > config.importMaxRows()) {
            throw tooLarge("an import may hold at most " + config.importMaxRows() + " rows, this one has "
                    + read.rows().size() + "; split the file");
        }
        if (read.rows().isEmpty()) {
            throw invalid(layout, List.of(new Violation("$", "holds no row")));
        }
        return read.rows();
    }

    /** Which of {@code ids} the directory has as employees. */
    private static Uni<Set<String>> known(Set<String> ids) {
        if (ids.isEmpty()) {
            return Uni.createFrom().item(Set.of());
        }
        return Panache.getSession()
                .chain(session -> session
                        .createSelectionQuery("select employeeId from Employee where employeeId in :ids", String.class)
                        .setParameter("ids", ids).getResultList())
                .map(Set::copyOf);
    }

    private static <T> List<T> valid(ImportLayout layout, Validated<T> validated) {
        if (!validated.violations().isEmpty()) {
            throw invalid(layout, validated.violations());
        }
        return validated.records();
    }

    /**
     * One 400 for the whole file: its violations in row order, and {@code rows}, the numbers of every bad row (CSV
     * lines, JSON indexes), even when the violations listed are capped.
     */
    static ProblemException invalid(ImportLayout layout, List<Violation> violations) {
        List<Violation> sorted = violations.stream().sorted(Comparator.comparingInt(DirectoryImports::rowOf)).toList();
        Set<Integer> rows = new TreeSet<>();
        sorted.stream().map(DirectoryImports::rowOf).filter(row -> row >= 0).forEach(rows::add);
        return new ProblemException(Problem
                .of("invalid-import", "Invalid import", 400,
                        "the " + layout.what() + " import has " + violations.size()
                                + " invalid field(s); nothing was imported")
                .withViolations(sorted).with("rows", List.copyOf(rows)));
    }

    /** The row a violation names ({@code line[3].x}, {@code $[3].x}), -1 for the file as a whole. */
    private static int rowOf(Violation violation) {
        Matcher matcher = ROW.matcher(violation.field());
        return matcher.find() ? Integer.parseInt(matcher.group(1)) : -1;
    }

    private static ProblemException tooLarge(String why) {
        return new ProblemException(Problem.of("payload-too-large", "Payload too large", 413, why)
                .withViolations(List.of(new Violation("$", why))));
    }
}
