package io.windbell.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.vertx.pgclient.PgException;
import io.vertx.sqlclient.ClosedConnectionException;
import io.windbell.messaging.consumer.Failures;

/** The kit's failure classes for the reactive stack: the Vert.x PostgreSQL client and Hibernate Reactive. */
class ReactiveStackFailuresTest {

    @Test
    void postgresErrorsOfTheVertxClientAreClassifiedByTheirSqlState() {
        assertThat(Failures.isTransient(pg("08006"))).isTrue();
        assertThat(Failures.isTransient(pg("40001"))).isTrue();
        assertThat(Failures.isTransient(pg("40P01"))).isTrue();
        assertThat(Failures.isTransient(pg("53300"))).isTrue();
        assertThat(Failures.isTransient(pg("57P01"))).isTrue();
        assertThat(Failures.isTransient(pg("23505"))).isTrue();
        // found through the cause chain, as Hibernate Reactive wraps them
        assertThat(Failures.isTransient(new jakarta.persistence.PersistenceException("flush failed", pg("40001"))))
                .isTrue();

        assertThat(Failures.isTransient(pg("23503"))).isFalse();
        assertThat(Failures.isTransient(pg("22001"))).isFalse();
        assertThat(Failures.isTransient(pg("42P01"))).isFalse();
    }

    @Test
    void closedConnectionsAndOptimisticLockConflictsAreTransient() {
        assertThat(Failures.isTransient(ClosedConnectionException.INSTANCE)).isTrue();
        assertThat(Failures.isTransient(new io.vertx.core.VertxException("Connection was closed"))).isTrue();
        assertThat(Failures.isTransient(new jakarta.persistence.OptimisticLockException("row was updated"))).isTrue();
        assertThat(Failures.isTransient(new IllegalStateException("wrapped",
                new org.hibernate.StaleObjectStateException("WorkOrder", UUID.randomUUID())))).isTrue();

        assertThat(Failures.isTransient(new io.vertx.core.VertxException("something else"))).isFalse();
        assertThat(Failures.isTransient(new jakarta.persistence.PersistenceException("no cause"))).isFalse();
    }

    @Test
    void contentPostgresRefusesThroughTheVertxClientIsRefusedContent() {
        assertThat(Failures.isRefusedContent(pg("22021"))).isTrue();
        assertThat(Failures.isRefusedContent(pg("22P05"))).isTrue();
        assertThat(Failures.isRefusedContent(new IllegalStateException("wrapped", pg("22001")))).isTrue();
        assertThat(Failures.isRefusedContent(pg("40001"))).isFalse();
        assertThat(Failures.isRefusedContent(pg("23505"))).isFalse();
    }

    private static PgException pg(String sqlState) {
        return new PgException("error " + sqlState, "ERROR", sqlState, null);
    }
}
