package io.windbell.notification.channel.webhook;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The signature of Windbell's webhooks, self-contained so a receiver can copy this class:
 * {@code X-Windbell-Signature: v1=<hex HMAC-SHA256(secret, timestamp + "." + body)>} with
 * {@code X-Windbell-Timestamp: <epoch seconds>}. The timestamp is signed with the body, so a captured request cannot be
 * replayed outside the window.
 */
public final class WebhookSignature {

    /** The version prefix of the signature header's value. */
    public static final String VERSION = "v1=";
    /** The replay window receivers should use. */
    public static final Duration DEFAULT_WINDOW = Duration.ofMinutes(5);

    private WebhookSignature() {
    }

    /** {@code v1=<hex HMAC-SHA256(secret, timestamp + "." + body)>}. */
    public static String sign(String secret, long timestamp, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] digest = mac.doFinal((timestamp + "." + body).getBytes(StandardCharsets.UTF_8));
            return VERSION + HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            // HmacSHA256 is required of every JDK, and any non-empty key is valid for it
            throw new IllegalStateException("HmacSHA256 is unavailable", e);
        }
    }

    /**
     * Whether {@code signature} signs {@code body} with {@code secret} at {@code timestamp} (the header's text), and
     * that timestamp lies within {@code window} of {@code now} (either side: clocks drift). The comparison takes the
     * same time however many characters match.
     */
    public static boolean verify(String secret, String timestamp, String body, String signature, Instant now,
            Duration window) {
        if (secret == null || secret.isEmpty() || timestamp == null || body == null || signature == null) {
            return false;
        }
        long seconds;
        try {
            seconds = Long.parseLong(timestamp.trim());
        } catch (NumberFormatException e) {
            return false;
        }
        if (Math.abs(now.getEpochSecond() - seconds) > window.toSeconds()) {
            return false;
        }
        byte[] expected = sign(secret, seconds, body).getBytes(StandardCharsets.UTF_8);
        return MessageDigest.isEqual(expected, signature.trim().getBytes(StandardCharsets.UTF_8));
    }
}
