package io.windbell.notification.invitation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.windbell.contracts.survey.AnchorMetric;
import io.windbell.contracts.survey.DeliveryChannel;
import io.windbell.contracts.survey.SurveyInvited;
import io.windbell.notification.support.NotificationTestResource;
import io.windbell.testing.EventFeed;

/**
 * A {@code survey.invited} record goes the whole way with the real clock and the delivery worker's own loop: consumed,
 * queued, the link fetched from survey with the service account's token, handed to the push service once, and the
 * delivery logged as sent (the link itself is never stored).
 */
@QuarkusTest
@TestProfile(InvitationThroughTheWorkerTest.RealClock.class)
class InvitationThroughTheWorkerTest {

    /** Survey, the token endpoint and the adapters as real servers; the service's own clock and worker. */
    public static class RealClock implements QuarkusTestProfile {
        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(NotificationTestResource.class),
                    new TestResourceEntry(InvitationStandIns.class));
        }
    }

    private static EventFeed survey;

    @Inject
    DataSource dataSource;

    @BeforeAll
    static void feed() {
        survey = new EventFeed("survey");
    }

    @AfterAll
    static void close() {
        survey.close();
    }

    @Test
    void anAppPushInvitationIsDeliveredByTheWorkerWithTheLinkSurveyHandsOut() throws Exception {
        Instant now = Instant.now();
        SurveyInvited invitation = new SurveyInvited(UUID.randomUUID(), "C-worker-" + UUID.randomUUID(),
                UUID.randomUUID(), "WEALTH_PURCHASE_INTERRUPTED", AnchorMetric.NPS, DeliveryChannel.APP_PUSH, "en", now,
                now.plus(Duration.ofDays(3)), List.of("q-nps-001"), List.of(), null);
        survey.send(invitation);

        await().atMost(Duration.ofSeconds(30)).until(
                () -> !InvitationStandIns.received(InvitationStandIns.PUSHES, invitation.invitationId()).isEmpty());
        InvitationStandIns.Received push = InvitationStandIns
                .received(InvitationStandIns.PUSHES, invitation.invitationId()).get(0);
        assertThat(push.body().getString("url")).isEqualTo(InvitationStandIns.linkOf(invitation.invitationId()));
        assertThat(push.body().getString("customerId")).isEqualTo(invitation.customerId());
        assertThat(InvitationStandIns.received(InvitationStandIns.SURVEY_CALLS, invitation.invitationId()))
                .allSatisfy(call -> assertThat(InvitationStandIns.ISSUED_TOKENS)
                        .contains(call.authorization().substring("Bearer ".length())));

        await().atMost(Duration.ofSeconds(30)).until(() -> "SENT".equals(status(invitation.invitationId())));
        assertThat(InvitationStandIns.received(InvitationStandIns.PUSHES, invitation.invitationId())).as("sent once")
                .hasSize(1);
        assertThat(content(invitation.invitationId()))
                .doesNotContain(InvitationStandIns.linkOf(invitation.invitationId()));
    }

    private String status(UUID invitationId) throws Exception {
        return column("status", invitationId);
    }

    private String content(UUID invitationId) throws Exception {
        return column("content", invitationId);
    }

    private String column(String column, UUID invitationId) throws Exception {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c
                .prepareStatement("select " + column + " from delivery where source_event_id = ?")) {
            s.setObject(1, invitationId);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }
}
