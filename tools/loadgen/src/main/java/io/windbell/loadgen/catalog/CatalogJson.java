package io.windbell.loadgen.catalog;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

/** Reads catalog pages in the shape of the ingest API: {@code {"items":[...],"nextCursor":...}}. */
public final class CatalogJson {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
    private static final String BUILTIN = "/io/windbell/loadgen/catalog/builtin-catalog.json";

    /** One page of the catalog listing. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Page(List<Touchpoint> items, String nextCursor) {

        public Page {
            items = items == null ? List.of() : items;
        }
    }

    private CatalogJson() {
    }

    public static Page page(byte[] json) throws IOException {
        return MAPPER.readValue(json, Page.class);
    }

    /** A catalog saved to a file in the API's page shape (one page, or {@code items} of all pages). */
    public static Catalog file(Path path) throws IOException {
        return Catalog.of(page(Files.readAllBytes(path)).items());
    }

    /**
     * A sample catalog shipped in the jar for offline use ({@code payloads} without a running ingest, tests). Its codes
     * only match a server seeded with the same catalog.
     */
    public static Catalog builtin() {
        try (InputStream in = CatalogJson.class.getResourceAsStream(BUILTIN)) {
            return Catalog.of(new ArrayList<>(page(in.readAllBytes()).items()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
