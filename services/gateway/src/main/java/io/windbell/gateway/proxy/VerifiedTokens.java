package io.windbell.gateway.proxy;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Bearer tokens this gateway has already verified, until they expire: a channel app sends the same token with every
 * event for its whole lifetime, and checking its signature and claims again on each request is most of what the gateway
 * would spend on it. Only a token that passed Quarkus OIDC's full check is remembered, keyed by the whole
 * {@code Authorization} value, and never past its own {@code exp}; the service behind checks every token again in any
 * case (ADR 0029). Bounded: past {@code maxEntries} the expired entries go, and if that is not enough, all of them.
 */
public final class VerifiedTokens {

    /** Who a verified token speaks for: its roles and the client it was issued to. */
    public record Caller(Set<String> roles, String client) {
    }

    private record Entry(Caller caller, long expiresAtSeconds) {
    }

    private final Map<String, Entry> entries = new ConcurrentHashMap<>();
    private final int maxEntries;
    private final LongSupplier epochSeconds;

    /**
     * @param maxEntries
     *            how many tokens are remembered at most; 0 remembers none
     * @param epochSeconds
     *            the clock, in seconds since the epoch
     */
    public VerifiedTokens(int maxEntries, LongSupplier epochSeconds) {
        this.maxEntries = maxEntries;
        this.epochSeconds = epochSeconds;
    }

    /** The caller of a token verified before and not expired since. */
    public Optional<Caller> lookup(String authorization) {
        Entry entry = entries.get(authorization);
        if (entry == null) {
            return Optional.empty();
        }
        if (entry.expiresAtSeconds() <= epochSeconds.getAsLong()) {
            entries.remove(authorization, entry);
            return Optional.empty();
        }
        return Optional.of(entry.caller());
    }

    /** Remembers a token that has just passed the full check, until its expiry. */
    public void remember(String authorization, Caller caller, long expiresAtSeconds) {
        if (maxEntries <= 0 || expiresAtSeconds <= epochSeconds.getAsLong()) {
            return;
        }
        if (entries.size() >= maxEntries) {
            long now = epochSeconds.getAsLong();
            entries.values().removeIf(e -> e.expiresAtSeconds() <= now);
            if (entries.size() >= maxEntries) {
                entries.clear();
            }
        }
        entries.put(authorization, new Entry(caller, expiresAtSeconds));
    }

    public int size() {
        return entries.size();
    }
}
