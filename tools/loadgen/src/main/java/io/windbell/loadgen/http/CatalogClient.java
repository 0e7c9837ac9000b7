package io.windbell.loadgen.http;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import io.vertx.core.Future;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.windbell.loadgen.catalog.Catalog;
import io.windbell.loadgen.catalog.CatalogJson;
import io.windbell.loadgen.catalog.Touchpoint;

/** Reads the touchpoint catalog from the ingest API, following {@code nextCursor} page by page. */
public final class CatalogClient {

    static final String PATH = "/v1/catalog/touchpoints?limit=500";
    private static final int MAX_PAGES = 200;

    private final HttpClient client;
    private final LocalTarget base;
    private final TokenSource tokens;

    public CatalogClient(HttpClient client, LocalTarget base, TokenSource tokens) {
        this.client = client;
        this.base = base;
        this.tokens = tokens;
    }

    public Future<Catalog> fetch() {
        return page(null, new ArrayList<>(), 0).map(Catalog::of);
    }

    private Future<List<Touchpoint>> page(String cursor, List<Touchpoint> so, int pages) {
        if (pages == MAX_PAGES) {
            return Future.failedFuture("the catalog has more than " + MAX_PAGES + " pages; giving up");
        }
        String uri = base.uri(PATH)
                + (cursor == null ? "" : "&cursor=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8));
        RequestOptions options = new RequestOptions().setMethod(HttpMethod.GET).setHost(base.host())
                .setPort(base.port()).setURI(uri).setIdleTimeout(10_000)
                .putHeader(HttpHeaders.ACCEPT, "application/json");
        String token = tokens.current();
        if (token != null) {
            options.putHeader(HttpHeaders.AUTHORIZATION, "Bearer " + token);
        }
        return client.request(options).compose(request -> request.send())
                .compose(response -> response.body().compose(body -> {
                    if (response.statusCode() != 200) {
                        return Future.failedFuture("GET " + uri + " answered " + response.statusCode() + ": "
                                + ClientCredentials.abbreviate(body.toString()));
                    }
                    CatalogJson.Page page;
                    try {
                        page = CatalogJson.page(body.getBytes());
                    } catch (IOException e) {
                        return Future.failedFuture("GET " + uri + " returned no catalog page: " + e.getMessage());
                    }
                    so.addAll(page.items());
                    return page.nextCursor() == null || page.nextCursor().isEmpty() ? Future.succeededFuture(so)
                            : page(page.nextCursor(), so, pages + 1);
                }));
    }
}
