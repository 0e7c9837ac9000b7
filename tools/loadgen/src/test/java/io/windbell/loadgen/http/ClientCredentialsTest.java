package io.windbell.loadgen.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import io.vertx.core.Vertx;
import io.windbell.loadgen.FakeIngest;

class ClientCredentialsTest {

    @Test
    void fetchesATokenAndRefreshesItBeforeItExpires() throws Exception {
        try (FakeIngest idp = FakeIngest.start()) {
            idp.tokenLifetimeSeconds = 2;
            Vertx vertx = Vertx.vertx();
            try {
                ClientCredentials tokens = new ClientCredentials(vertx, vertx.createHttpClient(),
                        LocalTarget.parse(idp.tokenUrl()), "channel-app", "s3cr&t");

                tokens.start().toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
                assertThat(tokens.current()).isEqualTo("tok-1");
                assertThat(idp.tokenForms.peek())
                        .isEqualTo("grant_type=client_credentials&client_id=channel-app&client_secret=s3cr%26t");

                // Refreshed at three quarters of its two-second life, well before it expires.
                Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                    assertThat(idp.tokenRequests.get()).isGreaterThanOrEqualTo(2);
                    assertThat(tokens.current()).isNotEqualTo("tok-1");
                });
                tokens.close();
            } finally {
                vertx.close().toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
            }
        }
    }
}
