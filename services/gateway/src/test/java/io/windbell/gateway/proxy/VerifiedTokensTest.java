package io.windbell.gateway.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

class VerifiedTokensTest {

    private final AtomicLong now = new AtomicLong(1_000);
    private final VerifiedTokens.Caller app = new VerifiedTokens.Caller(Set.of("channel-app"), "client:channel-app");

    @Test
    void aVerifiedTokenIsKnownUntilItExpiresAndNotASecondLonger() {
        VerifiedTokens tokens = new VerifiedTokens(10, now::get);
        tokens.remember("Bearer a", app, 1_600);
        assertThat(tokens.lookup("Bearer a")).contains(app);
        now.set(1_599);
        assertThat(tokens.lookup("Bearer a")).contains(app);
        now.set(1_600);
        assertThat(tokens.lookup("Bearer a")).isEmpty();
        assertThat(tokens.size()).isZero();
    }

    @Test
    void onlyTheExactAuthorizationValueMatches() {
        VerifiedTokens tokens = new VerifiedTokens(10, now::get);
        tokens.remember("Bearer a", app, 2_000);
        assertThat(tokens.lookup("Bearer a ")).isEmpty();
        assertThat(tokens.lookup("bearer a")).isEmpty();
        assertThat(tokens.lookup("Bearer b")).isEmpty();
    }

    @Test
    void anExpiredTokenIsNeverRememberedAndZeroRemembersNone() {
        VerifiedTokens tokens = new VerifiedTokens(10, now::get);
        tokens.remember("Bearer old", app, 1_000);
        assertThat(tokens.size()).isZero();
        VerifiedTokens none = new VerifiedTokens(0, now::get);
        none.remember("Bearer a", app, 2_000);
        assertThat(none.lookup("Bearer a")).isEmpty();
    }

    @Test
    void atItsBoundExpiredEntriesGoFirstThenAll() {
        VerifiedTokens tokens = new VerifiedTokens(2, now::get);
        tokens.remember("Bearer short", app, 1_010);
        tokens.remember("Bearer long", app, 5_000);
        now.set(1_020);
        tokens.remember("Bearer new", app, 5_000);
        assertThat(tokens.lookup("Bearer long")).contains(app);
        assertThat(tokens.lookup("Bearer new")).contains(app);
        tokens.remember("Bearer third", app, 5_000);
        assertThat(tokens.size()).isEqualTo(1);
        assertThat(tokens.lookup("Bearer third")).contains(app);
    }
}
