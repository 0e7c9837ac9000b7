package io.windbell.scoring.index;

import javax.sql.DataSource;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import io.windbell.config.VersionedStore;

/** Table {@code index_model} as a store of the shared library ({@code libs/config}, ADR 0009). */
@Singleton
class IndexModelStore {

    @Produces
    @Singleton
    VersionedStore<IndexModel> models(DataSource dataSource) {
        return new VersionedStore<>(dataSource, "index model", "index_model", "code", IndexModelSpec.CODEC);
    }
}
