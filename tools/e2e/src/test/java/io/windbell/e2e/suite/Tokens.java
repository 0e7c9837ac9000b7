package io.windbell.e2e.suite;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Real access tokens from the suite's Keycloak, fetched once per user or client and reused for a few minutes (the
 * realm's access tokens live 10 minutes).
 */
public final class Tokens {

    private static final Duration REUSE = Duration.ofMinutes(4);
    private static final Map<String, Cached> CACHE = new ConcurrentHashMap<>();

    private record Cached(String token, long fetchedNanos) {
        boolean fresh() {
            return System.nanoTime() - fetchedNanos < REUSE.toNanos();
        }
    }

    private Tokens() {
    }

    /** A demo user's token (password grant of windbell-dev-cli; the password is the user name). */
    public static String user(String username) {
        return cached("user:" + username, () -> Suite.get().keycloak().userToken(username));
    }

    /** A confidential client's token by client credentials, e.g. channel-app. */
    public static String client(String clientId) {
        return cached("client:" + clientId, () -> Suite.get().keycloak().clientToken(clientId));
    }

    private static String cached(String key, java.util.function.Supplier<String> fetch) {
        Cached cached = CACHE.get(key);
        if (cached == null || !cached.fresh()) {
            cached = new Cached(fetch.get(), System.nanoTime());
            CACHE.put(key, cached);
        }
        return cached.token();
    }
}
