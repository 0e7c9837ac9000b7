package io.windbell.journey.definition;

import javax.sql.DataSource;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import io.windbell.config.VersionedStore;

/**
 * Table {@code journey_definition} as a store of the shared library; a change without an authenticated author records
 * {@code created_by} NULL.
 */
@Singleton
class DefinitionStore {

    @Produces
    @Singleton
    VersionedStore<JourneyDefinition> definitions(DataSource dataSource) {
        return new VersionedStore<>(dataSource, "journey definition", "journey_definition", "code",
                DefinitionSpec.CODEC);
    }
}
