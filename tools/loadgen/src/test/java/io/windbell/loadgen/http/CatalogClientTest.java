package io.windbell.loadgen.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.windbell.loadgen.FakeIngest;
import io.windbell.loadgen.catalog.Catalog;

class CatalogClientTest {

    private FakeIngest ingest;
    private Vertx vertx;
    private HttpClient client;

    @BeforeEach
    void start() throws Exception {
        ingest = FakeIngest.start();
        vertx = Vertx.vertx();
        client = vertx.createHttpClient();
    }

    @AfterEach
    void stop() throws Exception {
        vertx.close().toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
        ingest.close();
    }

    @Test
    void followsTheCursorThroughEveryPageWithTheBearerToken() throws Exception {
        ingest.catalogPageSize = 7;
        CatalogClient catalogClient = new CatalogClient(client, LocalTarget.parse(ingest.baseUrl()),
                TokenSource.fixed("abc"));

        Catalog catalog = catalogClient.fetch().toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);

        assertThat(catalog.touchpoints()).hasSize(ingest.channelsByCode().size());
        assertThat(ingest.catalogRequests.get()).isEqualTo((ingest.channelsByCode().size() + 6) / 7);
        assertThat(ingest.authorizations).containsOnlyKeys("Bearer abc");
        assertThat(catalog.steps("WEALTH_PURCHASE").get(2).getFirst().code()).isEqualTo("wealth.risk_assessment");
    }

    @Test
    void saysWhatWentWrong() {
        CatalogClient wrongPath = new CatalogClient(client, LocalTarget.parse(ingest.baseUrl() + "/nothing"),
                TokenSource.NONE);

        assertThatThrownBy(() -> wrongPath.fetch().toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS))
                .hasMessageContaining("answered 404");
    }
}
