package io.windbell.gateway.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import io.vertx.core.MultiMap;

/** The small rules of what the gateway writes: which inbound headers it drops, request ids, log paths. */
class HeaderRulesTest {

    @Test
    void headersOnlyTheGatewayMaySetAreDroppedWhateverTheirCase() {
        MultiMap headers = MultiMap.caseInsensitiveMultiMap().add("Authorization", "Bearer x")
                .add("X-Forwarded-For", "6.6.6.6").add("x-forwarded-host", "evil").add("Forwarded", "for=6.6.6.6")
                .add("X-Windbell-Branch", "B001").add("X-Real-IP", "6.6.6.6").add("X-Original-URL", "/admin")
                .add("X-HTTP-Method-Override", "DELETE").add("X-Request-Id", "forged").add("Content-Type", "a/b");
        TrustedHeaders.strip(headers);
        assertThat(headers.names()).containsExactlyInAnyOrder("Authorization", "Content-Type");
    }

    @Test
    void theGatewayWritesTheForwardingChainItSaw() {
        MultiMap headers = MultiMap.caseInsensitiveMultiMap();
        TrustedHeaders.set(headers, "10.0.0.7", "https", "cx.bank.example", "/api/ingest", "req-12345678");
        assertThat(headers.get("X-Forwarded-For")).isEqualTo("10.0.0.7");
        assertThat(headers.get("X-Forwarded-Proto")).isEqualTo("https");
        assertThat(headers.get("X-Forwarded-Host")).isEqualTo("cx.bank.example");
        assertThat(headers.get("X-Forwarded-Prefix")).isEqualTo("/api/ingest");
        assertThat(headers.get("X-Request-Id")).isEqualTo("req-12345678");
    }

    @Test
    void aPlainRequestIdIsKeptAnythingElseReplaced() {
        assertThat(RequestIds.accept("channel-app-retry-0001")).isEqualTo("channel-app-retry-0001");
        assertThat(RequestIds.accept(null)).matches("[0-9a-f-]{36}");
        assertThat(RequestIds.accept("short")).matches("[0-9a-f-]{36}");
        assertThat(RequestIds.accept("a".repeat(65))).matches("[0-9a-f-]{36}");
        assertThat(RequestIds.accept("id with\nnewline-xx")).matches("[0-9a-f-]{36}");
    }

    @Test
    void theAccessLogShowsNoCustomerIdAndNoLinkToken() {
        assertThat(LogPaths.of("/api/journey/v1/customers/C000123456/timeline"))
                .isEqualTo("/api/journey/v1/customers/C0******56/timeline");
        assertThat(LogPaths.of("/s/eyJsecret-link-token")).isEqualTo("/s/[token]");
        assertThat(LogPaths.of("/v1/s/eyJsecret-link-token/draft")).isEqualTo("/v1/s/[token]/draft");
        assertThat(LogPaths.of("/api/workorder/v1/work-orders")).isEqualTo("/api/workorder/v1/work-orders");
    }

    @Test
    void missingSecurityHeadersAreAddedAndAServicesOwnAreKept() {
        MultiMap headers = MultiMap.caseInsensitiveMultiMap().add("Content-Security-Policy", "default-src 'self'");
        SecurityHeaders.addMissing(headers, true);
        assertThat(headers.get("Content-Security-Policy")).isEqualTo("default-src 'self'");
        assertThat(headers.get("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(headers.get("Strict-Transport-Security")).startsWith("max-age=");
        MultiMap plain = MultiMap.caseInsensitiveMultiMap();
        SecurityHeaders.addMissing(plain, false);
        assertThat(plain.contains("Strict-Transport-Security")).isFalse();
    }
}
