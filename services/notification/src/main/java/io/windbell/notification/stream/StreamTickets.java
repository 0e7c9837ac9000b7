package io.windbell.notification.stream;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Stateless stream tickets for browsers, whose {@code EventSource} cannot send a bearer token (ADR 0025): the employee,
 * their branch and an expiry, signed with HMAC-SHA256. Any replica that has the key verifies one without a lookup; a
 * ticket may be used again until it expires, so {@code EventSource} can reconnect on its own.
 * <p>
 * A ticket is {@code base64url(employee US branch US expiryEpochSecond) "." base64url(hmac)} (US: the unit separator,
 * which no id holds).
 */
public final class StreamTickets {

    private static final String ALGORITHM = "HmacSHA256";
    private static final char SEPARATOR = '\u001f';
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private final SecretKeySpec key;
    private final Duration lifetime;

    public StreamTickets(String key, Duration lifetime) {
        if (key == null || key.length() < 16) {
            throw new IllegalArgumentException("the stream ticket key must have at least 16 characters");
        }
        this.key = new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), ALGORITHM);
        this.lifetime = lifetime;
    }

    /** What a valid ticket grants: one employee's stream until {@code expiresAt}. */
    public record Ticket(String employeeId, String branchId, Instant expiresAt) {
    }

    /** Why a ticket was not accepted (both answer 401: the caller learns nothing more). */
    public enum Refusal {
        MALFORMED_OR_FORGED, EXPIRED
    }

    /** A ticket, or the reason there is none. */
    public record Verification(Ticket ticket, Refusal refusal) {

        public boolean valid() {
            return ticket != null;
        }
    }

    /** A new ticket for {@code employeeId} of {@code branchId} (may be {@code null}), valid from {@code now}. */
    public String issue(String employeeId, String branchId, Instant now) {
        return encode(new Ticket(employeeId, branchId, now.plus(lifetime)));
    }

    /** The ticket's expiry if it were issued at {@code now}. */
    public Instant expiryFrom(Instant now) {
        return now.plus(lifetime);
    }

    /** Encodes and signs {@code ticket}. */
    public String encode(Ticket ticket) {
        if (ticket.employeeId().indexOf(SEPARATOR) >= 0
                || ticket.branchId() != null && ticket.branchId().indexOf(SEPARATOR) >= 0) {
            throw new IllegalArgumentException("an id holds the unit separator");
        }
        String payload = ticket.employeeId() + SEPARATOR + (ticket.branchId() == null ? "" : ticket.branchId())
                + SEPARATOR + ticket.expiresAt().getEpochSecond();
        byte[] bytes = payload.getBytes(StandardCharsets.UTF_8);
        return ENCODER.encodeToString(bytes) + "." + ENCODER.encodeToString(sign(bytes));
    }

    /** Checks the signature first (constant time), then the shape, then the expiry at {@code now}. */
    public Verification verify(String ticket, Instant now) {
        if (ticket == null) {
            return refused(Refusal.MALFORMED_OR_FORGED);
        }
        int dot = ticket.indexOf('.');
        if (dot <= 0 || dot != ticket.lastIndexOf('.')) {
            return refused(Refusal.MALFORMED_OR_FORGED);
        }
        byte[] payload;
        byte[] signature;
        try {
            payload = DECODER.decode(ticket.substring(0, dot));
            signature = DECODER.decode(ticket.substring(dot + 1));
        } catch (IllegalArgumentException e) {
            return refused(Refusal.MALFORMED_OR_FORGED);
        }
        if (!MessageDigest.isEqual(sign(payload), signature)) {
            return refused(Refusal.MALFORMED_OR_FORGED);
        }
        List<String> parts = List.of(new String(payload, StandardCharsets.UTF_8).split(String.valueOf(SEPARATOR), -1));
        if (parts.size() != 3 || parts.get(0).isEmpty()) {
            return refused(Refusal.MALFORMED_OR_FORGED);
        }
        Instant expiresAt;
        try {
            expiresAt = Instant.ofEpochSecond(Long.parseLong(parts.get(2)));
        } catch (RuntimeException e) {
            return refused(Refusal.MALFORMED_OR_FORGED);
        }
        if (!now.isBefore(expiresAt)) {
            return refused(Refusal.EXPIRED);
        }
        String branch = parts.get(1).isEmpty() ? null : parts.get(1);
        return new Verification(new Ticket(parts.get(0), branch, expiresAt), null);
    }

    private static Verification refused(Refusal why) {
        return new Verification(null, why);
    }

    private byte[] sign(byte[] payload) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return mac.doFinal(payload);
        } catch (GeneralSecurityException e) {
            // HmacSHA256 is in every JDK, and the key was accepted when the bean was built
            throw new IllegalStateException(e);
        }
    }
}
