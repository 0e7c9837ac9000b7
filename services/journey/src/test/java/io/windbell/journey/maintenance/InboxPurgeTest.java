package io.windbell.journey.maintenance;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.windbell.journey.service.ReconstructionService;
import io.windbell.journey.support.JourneyTestResource;
import io.windbell.journey.support.PipelineFixture;
import io.windbell.messaging.kit.InboxPurge;

/**
 * The kit's inbox purge in journey: claims older than the retention (8 days) are forgotten; younger ones stay, so a
 * replay is still deduplicated.
 */
@QuarkusTest
@QuarkusTestResource(value = JourneyTestResource.class, restrictToAnnotatedClass = true)
class InboxPurgeTest {

    @Inject
    AgroalDataSource dataSource;

    @Inject
    InboxPurge purge;

    @Test
    void onlyClaimsOlderThanTheRetentionAreForgotten() throws Exception {
        String old = "purge-old-" + UUID.randomUUID();
        String recent = "purge-recent-" + UUID.randomUUID();
        try (Connection connection = dataSource.getConnection(); PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO inbox (consumer, message_id, processed_at) VALUES (?, ?, now() - ?::interval)")) {
            for (String[] row : new String[][] { { old, "9 days" }, { recent, "7 days" } }) {
                insert.setString(1, ReconstructionService.CONSUMER);
                insert.setString(2, row[0]);
                insert.setString(3, row[1]);
                insert.executeUpdate();
            }
        }

        assertThat(purge.purgeOnce()).isGreaterThanOrEqualTo(1);

        assertThat(PipelineFixture.column(dataSource, "SELECT message_id FROM inbox WHERE message_id IN (?, ?)", old,
                recent)).containsExactly(recent);
    }
}
