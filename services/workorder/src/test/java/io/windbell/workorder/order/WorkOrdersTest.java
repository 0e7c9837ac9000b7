package io.windbell.workorder.order;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.windbell.contracts.EventType;
import io.windbell.contracts.Topics;
import io.windbell.contracts.workorder.Priority;
import io.windbell.contracts.workorder.WorkOrderOrigin;
import io.windbell.contracts.workorder.WorkOrderStatus;
import io.windbell.contracts.workorder.WorkOrderType;
import io.windbell.testing.ContractAssertions;
import io.windbell.testing.TopicProbe;
import io.windbell.workorder.support.WorkorderTestResource;

/** The core: an opened order is saved with its history and its schema-valid event, in one transaction. */
@QuarkusTest
@QuarkusTestResource(WorkorderTestResource.class)
class WorkOrdersTest {

    @Inject
    WorkOrders workOrders;

    @Test
    void anOpenedOrderIsSavedWithItsHistoryAndItsCreatedEvent() throws Throwable {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        WorkOrder draft = WorkOrder.draft(WorkOrderType.RECOVERY, WorkOrderOrigin.LOW_SCORE_ALERT, Priority.HIGH,
                "NPS 2 after interrupted wealth purchase", now);
        draft.customerId = "C-core-1";
        draft.branchId = "B001";
        draft.regionId = "R01";
        try (TopicProbe probe = TopicProbe.on(Topics.WORKORDER_EVENTS)) {
            WorkOrder opened = VertxContextSupport.subscribeAndAwait(
                    () -> Panache.withTransaction(() -> workOrders.open(draft, HistoryEntry.SYSTEM, now, null)));

            List<ConsumerRecord<String, byte[]>> records = probe
                    .await(record -> record.key().equals(opened.id.toString()), 1, Duration.ofSeconds(30));
            ContractAssertions.assertValid(EventType.WORKORDER_CREATED, records.getFirst().value());
        }
        WorkOrder stored = VertxContextSupport
                .subscribeAndAwait(() -> Panache.withSession(() -> WorkOrder.<WorkOrder> findById(draft.id)));
        List<HistoryEntry> history = VertxContextSupport.subscribeAndAwait(() -> Panache
                .withSession(() -> HistoryEntry.<HistoryEntry> list("workOrderId = ?1 order by id", draft.id)));
        assertThat(history).extracting(entry -> entry.action).startsWith(HistoryEntry.Action.CREATED,
                HistoryEntry.Action.ROUTED);
        // where the directory routed it (the queue and the assignment depend on the staff and their shifts)
        assertThat(stored.queue).isEqualTo(history.get(1).detail.get("queue"));
        assertThat(stored.revision).isEqualTo(stored.assigneeEmployeeId == null ? 1 : 2);
        // inserted once with its final revision: no second UPDATE (the version would be 1)
        assertThat(stored.version).isZero();
        assertThat(stored.status)
                .isEqualTo(stored.assigneeEmployeeId == null ? WorkOrderStatus.OPEN : WorkOrderStatus.ASSIGNED);
    }
}
