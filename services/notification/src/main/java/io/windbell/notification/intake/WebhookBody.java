package io.windbell.notification.intake;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.windbell.contracts.workorder.WorkOrderSummary;

/**
 * The body a generic webhook receives for a staff event: a stable shape of its own (not the internal contract, which
 * may grow), and no customer id — a webhook receiver is not the CRM.
 */
public final class WebhookBody {

    private WebhookBody() {
    }

    public static ObjectNode of(StaffEvent event) {
        JsonNodeFactory json = JsonNodeFactory.instance;
        WorkOrderSummary order = event.order();
        ObjectNode workOrder = json.objectNode();
        workOrder.put("id", order.workOrderId().toString());
        workOrder.put("type", name(order.type()));
        workOrder.put("title", order.title());
        workOrder.put("priority", name(order.priority()));
        workOrder.put("status", name(order.status()));
        workOrder.put("branchId", order.branchId());
        workOrder.put("assigneeEmployeeId", order.assigneeEmployeeId());
        workOrder.put("escalationLevel", order.escalationLevel());
        workOrder.put("slaDueAt", order.slaDueAt() == null ? null : order.slaDueAt().toString());
        workOrder.put("link", order.link());
        ObjectNode body = json.objectNode();
        body.put("id", event.id().toString());
        body.put("type", event.type());
        body.put("time", event.time() == null ? null : event.time().toString());
        body.set("workOrder", workOrder);
        return body;
    }

    private static String name(Enum<?> value) {
        return value == null ? null : value.name();
    }
}
