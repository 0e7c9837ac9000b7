package io.windbell.notification.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

class StreamTicketsTest {

    private static final String KEY = "test-only-stream-ticket-key-0123456789";
    private static final Instant NOW = Instant.parse("2025-03-01T08:00:00Z");
    private final StreamTickets tickets = new StreamTickets(KEY, Duration.ofSeconds(60));

    @Test
    void aTicketIsTheSignedPayloadComputedByHand() {
        // the payload "E0001\x1fB001\x1f1740816060" (expiry 08:01:00Z) in base64url, a dot, its HMAC-SHA256 computed
        // outside Java: printf 'E0001\x1fB001\x1f1740816060' | openssl dgst -sha256 -hmac "$KEY" -binary | base64url
        assertThat(tickets.issue("E0001", "B001", NOW))
                .isEqualTo("RTAwMDEfQjAwMR8xNzQwODE2MDYw.W9XbMp12vSNuyBhBiOFxMu6DvE720N5Us_Q8xqiVLcg");
    }

    @Test
    void aValidTicketNamesItsEmployeeUntilItExpires() {
        String ticket = tickets.issue("E0001", "B001", NOW);
        StreamTickets.Verification verification = tickets.verify(ticket, NOW.plusSeconds(59));
        assertThat(verification.valid()).isTrue();
        assertThat(verification.ticket()).isEqualTo(new StreamTickets.Ticket("E0001", "B001", NOW.plusSeconds(60)));
        // reusable: EventSource reconnects with the same one
        assertThat(tickets.verify(ticket, NOW.plusSeconds(30)).valid()).isTrue();
        assertThat(tickets.verify(ticket, NOW.plusSeconds(60)).refusal()).isEqualTo(StreamTickets.Refusal.EXPIRED);
    }

    @Test
    void aTicketWithoutBranchKeepsNone() {
        String ticket = tickets.issue("E0002", null, NOW);
        assertThat(tickets.verify(ticket, NOW).ticket().branchId()).isNull();
    }

    @Test
    void forgedAndMalformedTicketsAreRefused() {
        String ticket = tickets.issue("E0001", "B001", NOW);
        String otherKey = new StreamTickets("another-key-of-sufficient-length", Duration.ofSeconds(60)).issue("E0001",
                "B001", NOW);
        String payload = ticket.substring(0, ticket.indexOf('.'));
        String swapped = tickets.issue("E0002", "B001", NOW);
        String stolenSignature = payload + swapped.substring(swapped.indexOf('.'));
        for (String forged : new String[] { otherKey, stolenSignature, payload, payload + ".", "." + payload,
                ticket + ".x", "%%%.%%%", "", null }) {
            assertThat(tickets.verify(forged, NOW).refusal()).as(String.valueOf(forged))
                    .isEqualTo(StreamTickets.Refusal.MALFORMED_OR_FORGED);
        }
    }

    @Test
    void aShortKeyIsRefusedAtStart() {
        assertThatThrownBy(() -> new StreamTickets("short", Duration.ofSeconds(60)))
                .isInstanceOf(IllegalArgumentException.class);
    }

}
