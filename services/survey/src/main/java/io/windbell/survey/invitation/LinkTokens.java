package io.windbell.survey.invitation;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Survey link tokens: the invitation id, a 16-byte nonce and an HMAC-SHA256 tag over both, base64url. A forged or
 * altered token fails the tag check before any database lookup; a valid tag still has to match the hash of the nonce
 * stored with the invitation, so a token dies with its invitation and the database never holds one that works.
 * <p>
 * The nonce is derived from the key and the invitation id (an HMAC, unpredictable without the key), not drawn at
 * random: the token is no longer carried on {@code survey.invited}, so survey has to give the same link again when the
 * deliverer asks for it ({@code GET /v1/invitations/{id}/link}, ADR 0013) without storing a usable token. Tokens issued
 * earlier with a random nonce still verify; only their link cannot be given out again.
 */
public final class LinkTokens {

    private static final int NONCE_BYTES = 16;
    private static final int TAG_BYTES = 16;
    private static final int TOKEN_BYTES = 16 + NONCE_BYTES + TAG_BYTES;
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    /** Separates the nonce derivation from the tag computation, which use the same key. */
    private static final byte[] NONCE_LABEL = "windbell-survey-link-nonce:".getBytes(StandardCharsets.US_ASCII);

    private final SecretKeySpec key;

    public LinkTokens(String secret) {
        if (secret == null || secret.length() < 16) {
            throw new IllegalArgumentException("the survey link key must have at least 16 characters");
        }
        this.key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
    }

    /**
     * The invitation's token, and the hash to store with it: the same each time for the same invitation and key, so the
     * link can be given out again without being stored.
     */
    public Issued issue(UUID invitationId) {
        ByteBuffer id = ByteBuffer.allocate(NONCE_LABEL.length + 16).put(NONCE_LABEL)
                .putLong(invitationId.getMostSignificantBits()).putLong(invitationId.getLeastSignificantBits());
        byte[] nonce = tag(id.array(), id.capacity());
        ByteBuffer body = ByteBuffer.allocate(TOKEN_BYTES);
        body.putLong(invitationId.getMostSignificantBits()).putLong(invitationId.getLeastSignificantBits()).put(nonce);
        body.put(tag(body.array(), 16 + NONCE_BYTES));
        return new Issued(ENCODER.encodeToString(body.array()), sha256(nonce));
    }

    /** The invitation and nonce hash a token claims, if its tag is genuine; empty for anything forged or malformed. */
    public Optional<Claim> verify(String token) {
        if (token == null || token.length() != ENCODER.encodeToString(new byte[TOKEN_BYTES]).length()) {
            return Optional.empty();
        }
        byte[] bytes;
        try {
            bytes = DECODER.decode(token);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        byte[] expected = tag(bytes, 16 + NONCE_BYTES);
        byte[] actual = new byte[TAG_BYTES];
        System.arraycopy(bytes, 16 + NONCE_BYTES, actual, 0, TAG_BYTES);
        if (!MessageDigest.isEqual(expected, actual)) {
            return Optional.empty();
        }
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        UUID invitationId = new UUID(buffer.getLong(), buffer.getLong());
        byte[] nonce = new byte[NONCE_BYTES];
        buffer.get(nonce);
        return Optional.of(new Claim(invitationId, sha256(nonce)));
    }

    /** Whether a stored nonce hash matches the claim, in constant time. */
    public static boolean matches(Claim claim, byte[] storedHash) {
        return storedHash != null && MessageDigest.isEqual(claim.nonceHash(), storedHash);
    }

    private byte[] tag(byte[] data, int length) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            mac.update(data, 0, length);
            byte[] full = mac.doFinal();
            byte[] tag = new byte[TAG_BYTES];
            System.arraycopy(full, 0, tag, 0, TAG_BYTES);
            return tag;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A freshly issued token; only {@code nonceHash} is stored. */
    public record Issued(String token, byte[] nonceHash) {
    }

    /** What a genuine token claims. */
    public record Claim(UUID invitationId, byte[] nonceHash) {
    }
}
