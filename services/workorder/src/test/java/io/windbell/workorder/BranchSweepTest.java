package io.windbell.workorder;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import io.windbell.testing.HostileInputSweep;
import io.windbell.workorder.order.WorkOrder;
import io.windbell.workorder.support.Orders;
import io.windbell.workorder.support.Staff;
import io.windbell.workorder.support.WorkorderTestResource;

/**
 * For every GET operation of the OpenAPI document (whoever added it), a frontline employee of branch B001 finds no data
 * of branch B002: path parameters name a B002 order or employee, and each operation is called plainly and with
 * {@code branchId=B002}; every answer is a 404, a 403, or a body that mentions nothing of B002.
 */
@QuarkusTest
@QuarkusTestResource(WorkorderTestResource.class)
class BranchSweepTest {

    /** The pieces of B002 data a leak would show: branch, order ids, customer ids, its employee. */
    private static List<String> secrets(WorkOrder queued, WorkOrder assigned) {
        return List.of("B002", queued.id.toString(), assigned.id.toString(), queued.customerId, assigned.customerId,
                "E0002");
    }

    @Test
    void aFrontlineTokenOfB001FindsNoB002DataOnAnyGetOperation() {
        WorkOrder queued = Orders.queued("B002", "R01", "C-sweep-b002-1");
        WorkOrder assigned = Orders.queued("B002", "R01", "C-sweep-b002-2");
        Orders.sql("update work_order set status = 'ASSIGNED', assignee_employee_id = 'E0002' where id = ?1",
                assigned.id);
        List<HostileInputSweep.Operation> gets = HostileInputSweep.operations(path -> true).stream()
                .filter(o -> o.method().equals("get")).toList();
        assertThat(gets).hasSizeGreaterThanOrEqualTo(4);

        List<String> leaks = new ArrayList<>();
        int calls = 0;
        for (HostileInputSweep.Operation operation : gets) {
            for (WorkOrder order : List.of(queued, assigned)) {
                String path = operation.template();
                for (HostileInputSweep.Parameter parameter : operation.parameters()) {
                    if (parameter.in().equals("path")) {
                        path = path.replace("{" + parameter.name() + "}", value(parameter, order));
                    }
                }
                for (Map<String, String> query : List.of(Map.<String, String> of(), Map.of("branchId", "B002"))) {
                    RequestSpecification request = Staff.frontline("E0001", "B001", "R01");
                    query.forEach(request::queryParam);
                    Response response = request.get(path);
                    calls++;
                    int status = response.statusCode();
                    String body = response.asString();
                    if (status == 404 || status == 403) {
                        continue;
                    }
                    List<String> found = secrets(queued, assigned).stream().filter(body::contains).toList();
                    if (status != 200 && status != 400 || !found.isEmpty()) {
                        leaks.add(operation + " " + path + " " + query + " answered " + status + " showing " + found);
                    }
                }
            }
        }
        assertThat(calls).isGreaterThanOrEqualTo(16);
        assertThat(leaks).isEmpty();
    }

    /** A B002 value for a path parameter: the order for a UUID, else an employee or the branch by its name. */
    private static String value(HostileInputSweep.Parameter parameter, WorkOrder order) {
        String name = parameter.name().toLowerCase(Locale.ROOT);
        if ("uuid".equals(parameter.format()) || name.equals("id")) {
            return order.id.toString();
        }
        // an employee's or a branch's data, or any other key: B002's
        return name.contains("employee") ? "E0002" : "B002";
    }
}
