package io.windbell.survey.trigger;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * Whether a journey falls into a rule's sample. A hash of customer, journey and rule rather than a random draw: a
 * replayed event decides the same, and the same journey is never sampled by one replica and skipped by another.
 */
public final class Sampling {

    private Sampling() {
    }

    public static boolean sampled(double rate, String customerId, Object journeyInstanceId, String ruleCode) {
        if (rate >= 1.0) {
            return true;
        }
        if (rate <= 0.0) {
            return false;
        }
        return position(customerId + '|' + journeyInstanceId + '|' + ruleCode) < rate;
    }

    /** A uniform position in [0, 1) derived from the key. */
    static double position(String key) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            long bits = ByteBuffer.wrap(digest).getLong() >>> 11;
            return bits / (double) (1L << 53);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
