package io.windbell.notification.channel.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

class WebhookSignatureTest {

    private static final String SECRET = "whsec_test_0123456789abcdefghijklmnopqrstuv";
    private static final String BODY = "{\"event\":\"workorder.created\",\"id\":1}";
    // printf '%s' '1700000000.{"event":"workorder.created","id":1}' | openssl dgst -sha256 -hmac '<SECRET>'
    private static final String EXPECTED = "v1=85e453c3e2e44434374fec8bdd9981c33cd28fd987f0b9260ee10c91adb373ed";
    private static final Duration WINDOW = WebhookSignature.DEFAULT_WINDOW;

    @Test
    void signsTimestampDotBodyWithHmacSha256() {
        assertThat(WebhookSignature.sign(SECRET, 1_700_000_000L, BODY)).isEqualTo(EXPECTED);
    }

    @Test
    void verifiesWithinTheReplayWindowOnly() {
        Instant signedAt = Instant.ofEpochSecond(1_700_000_000L);
        assertThat(WebhookSignature.verify(SECRET, "1700000000", BODY, EXPECTED, signedAt, WINDOW)).isTrue();
        assertThat(WebhookSignature.verify(SECRET, "1700000000", BODY, EXPECTED, signedAt.plusSeconds(300), WINDOW))
                .isTrue();
        assertThat(WebhookSignature.verify(SECRET, "1700000000", BODY, EXPECTED, signedAt.plusSeconds(301), WINDOW))
                .as("a replay six minutes later").isFalse();
        assertThat(WebhookSignature.verify(SECRET, "1700000000", BODY, EXPECTED, signedAt.minusSeconds(301), WINDOW))
                .as("a timestamp from the future").isFalse();
    }

    @Test
    void refusesAnythingChanged() {
        Instant now = Instant.ofEpochSecond(1_700_000_010L);
        assertThat(WebhookSignature.verify(SECRET, "1700000000", BODY.replace('1', '2'), EXPECTED, now, WINDOW))
                .isFalse();
        assertThat(WebhookSignature.verify(SECRET, "1700000001", BODY, EXPECTED, now, WINDOW)).isFalse();
        assertThat(WebhookSignature.verify(SECRET + "x", "1700000000", BODY, EXPECTED, now, WINDOW)).isFalse();
        assertThat(WebhookSignature.verify(SECRET, "1700000000", BODY, EXPECTED.substring(3), now, WINDOW)).isFalse();
        assertThat(WebhookSignature.verify(SECRET, "soon", BODY, EXPECTED, now, WINDOW)).isFalse();
        assertThat(WebhookSignature.verify(SECRET, "1700000000", BODY, null, now, WINDOW)).isFalse();
    }
}
