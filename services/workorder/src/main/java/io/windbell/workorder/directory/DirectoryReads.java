package io.windbell.workorder.directory;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * The directory's reads, each in its own session: lists by keyset (ordered by id, {@code limit + 1} rows so the caller
 * knows whether a next page exists), one employee with their load, a customer's RM. Callers narrow the filters to the
 * reader's scope first.
 */
@ApplicationScoped
public class DirectoryReads {

    /** A list filter; each {@code null} for "any". */
    public record Filter(String branchId, String regionId, StaffRole role) {
    }

    /** A customer's RM assignment and the employee it names. */
    public record Assignment(RelationshipManager assignment, Employee employee) {
    }

    /** One employee and their load. */
    public record EmployeeWithLoad(Employee employee, StaffLoads.Load load) {
    }

    private final StaffLoads loads;

    public DirectoryReads(StaffLoads loads) {
        this.loads = loads;
    }

    /** Up to {@code limit + 1} employees after {@code afterId}, by employee id. */
    public Uni<List<Employee>> staff(Filter filter, String afterId, int limit) {
        List<String> where = new ArrayList<>();
        Map<String, Object> parameters = new HashMap<>();
        condition(where, parameters, "branchId", filter.branchId());
        condition(where, parameters, "regionId", filter.regionId());
        condition(where, parameters, "role", filter.role());
        if (afterId != null) {
            where.add("employeeId > :after");
            parameters.put("after", afterId);
        }
        return Panache.withSession(
                () -> Employee.<Employee> find(query(where, "employeeId"), parameters).range(0, limit).list());
    }

    /** Up to {@code limit + 1} branches after {@code afterId}, by branch id. */
    public Uni<List<Branch>> branches(String branchId, String regionId, String afterId, int limit) {
        List<String> where = new ArrayList<>();
        Map<String, Object> parameters = new HashMap<>();
        condition(where, parameters, "branchId", branchId);
        condition(where, parameters, "regionId", regionId);
        if (afterId != null) {
            where.add("branchId > :after");
            parameters.put("after", afterId);
        }
        return Panache
                .withSession(() -> Branch.<Branch> find(query(where, "branchId"), parameters).range(0, limit).list());
    }

    /** The employee with their open orders, or {@code null}. */
    public Uni<EmployeeWithLoad> employee(String employeeId) {
        return Panache.withSession(() -> Employee.<Employee> findById(employeeId)
                .chain(employee -> employee == null ? Uni.createFrom().nullItem() : loads.of(List.of(employeeId)).map(
                        load -> new EmployeeWithLoad(employee, load.getOrDefault(employeeId, StaffLoads.Load.NONE)))));
    }

    /** The customer's RM assignment and the RM, or {@code null} when the customer has none. */
    public Uni<Assignment> relationshipManager(String customerId) {
        return Panache.withSession(() -> RelationshipManager.<RelationshipManager> findById(customerId)
                .chain(assignment -> assignment == null ? Uni.createFrom().nullItem()
                        : Employee.<Employee> findById(assignment.employeeId)
                                .map(employee -> employee == null ? null : new Assignment(assignment, employee))));
    }

    private static void condition(List<String> where, Map<String, Object> parameters, String field, Object value) {
        if (value != null) {
            where.add(field + " = :" + field);
            parameters.put(field, value);
        }
    }

    private static String query(List<String> where, String order) {
        return where.isEmpty() ? "order by " + order : String.join(" and ", where) + " order by " + order;
    }
}
