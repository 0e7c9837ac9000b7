package io.windbell.notification.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.windbell.notification.support.NotificationTestResource;

@QuarkusTest
@QuarkusTestResource(NotificationTestResource.class)
class InboxAppendTest {

    @Inject
    Inbox inbox;

    @Inject
    DataSource dataSource;

    @Test
    void eachEmployeeCountsTheirOwnItemsAndAnEventIsAddedOnce() throws Throwable {
        String employee = "E-append-" + UUID.randomUUID();
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();

        assertThat(append(employee, first)).isTrue();
        assertThat(append(employee, second)).isTrue();
        assertThat(append(employee, first)).as("a redelivered event").isFalse();
        assertThat(append("E-other-" + UUID.randomUUID(), first)).as("the same event, another employee").isTrue();

        assertThat(seqs(employee)).containsExactly(1L, 2L);
    }

    private boolean append(String employee, UUID eventId) throws Throwable {
        InboxEntry entry = new InboxEntry(eventId, "workorder.created", UUID.randomUUID(), "B001", "title", "body",
                "NORMAL", false, null);
        return VertxContextSupport
                .subscribeAndAwait(() -> Panache.withTransaction(() -> inbox.append(employee, entry)));
    }

    private List<Long> seqs(String employee) throws Exception {
        List<Long> seqs = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement(); ResultSet rs = s
                .executeQuery("select seq from inbox_item where employee_id = '" + employee + "' order by seq")) {
            while (rs.next()) {
                seqs.add(rs.getLong(1));
            }
        }
        return seqs;
    }
}
