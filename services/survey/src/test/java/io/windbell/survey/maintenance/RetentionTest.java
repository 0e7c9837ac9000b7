package io.windbell.survey.maintenance;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.windbell.messaging.kit.InboxPurge;
import io.windbell.survey.support.SurveyTestResource;

/** Decisions older than their retention (400 days) and inbox claims older than theirs (8 days) are forgotten. */
@QuarkusTest
@QuarkusTestResource(value = SurveyTestResource.class, restrictToAnnotatedClass = true)
class RetentionTest {

    @Inject
    DataSource dataSource;

    @Inject
    Retention retention;

    @Inject
    InboxPurge inboxPurge;

    @Test
    void onlyDecisionsOlderThanTheRetentionAreForgotten() throws Exception {
        String customer = "C-retention-" + UUID.randomUUID();
        try (Connection connection = dataSource.getConnection();
                PreparedStatement insert = connection.prepareStatement("""
                        INSERT INTO survey_decision (customer_id, trigger_type, decided_at, outcome, detail)
                        VALUES (?, 'journey.completed', now() - ?::interval, 'NOT_SAMPLED', ?)""")) {
            for (String age : List.of("401 days", "500 days", "399 days", "1 day")) {
                insert.setString(1, customer);
                insert.setString(2, age);
                insert.setString(3, age);
                insert.executeUpdate();
            }
        }

        assertThat(retention.purgeDecisions()).isGreaterThanOrEqualTo(2);

        assertThat(column("SELECT detail FROM survey_decision WHERE customer_id = ? ORDER BY decided_at", customer))
                .containsExactly("399 days", "1 day");
    }

    @Test
    void onlyInboxClaimsOlderThanTheRetentionAreForgotten() throws Exception {
        String old = "retention-old-" + UUID.randomUUID();
        String recent = "retention-recent-" + UUID.randomUUID();
        try (Connection connection = dataSource.getConnection(); PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO inbox (consumer, message_id, processed_at) VALUES ('survey-test', ?, now() - ?::interval)")) {
            for (String[] row : new String[][] { { old, "9 days" }, { recent, "7 days" } }) {
                insert.setString(1, row[0]);
                insert.setString(2, row[1]);
                insert.executeUpdate();
            }
        }

        assertThat(inboxPurge.purgeOnce()).isGreaterThanOrEqualTo(1);

        assertThat(column("SELECT message_id FROM inbox WHERE message_id IN (?, ?)", old, recent))
                .containsExactly(recent);
    }

    private List<String> column(String sql, String... parameters) throws Exception {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setString(i + 1, parameters[i]);
            }
            List<String> values = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    values.add(rows.getString(1));
                }
            }
            return values;
        }
    }
}
