package io.windbell.config;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

import javax.sql.DataSource;

import org.postgresql.ds.PGSimpleDataSource;

import io.windbell.config.VersionedStore.Codec;
import io.windbell.testing.TestInfrastructure;

/** A real PostgreSQL database with a versioned configuration table, and a small domain record to store in it. */
public final class ConfigTestSupport {

    /** The domain record of the tests: a named setting. */
    public record Setting(String key, String value) {
    }

    /** Its spec document. */
    public record SettingSpec(String value) {
    }

    public static final Codec<Setting> CODEC = Codec.of(SettingSpec.class, Setting::key,
            s -> new SettingSpec(s.value()), (key, version, active, spec) -> new Setting(key, spec.value()));

    private ConfigTestSupport() {
    }

    /**
     * A database of its own with table {@code setting}, shaped like {@code journey_definition}: {@code created_by} is
     * nullable, and the partial unique index allows one active version per key.
     */
    public static DataSource freshDatabase() {
        TestInfrastructure infra = TestInfrastructure.get();
        String name = infra.database("config_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12));
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setUrl(infra.jdbcUrl(name));
        dataSource.setUser(infra.pgUser());
        dataSource.setPassword(infra.pgPassword());
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement()) {
            st.execute("CREATE TABLE setting (name varchar(48) NOT NULL, version integer NOT NULL CHECK (version > 0),"
                    + " active boolean NOT NULL, spec jsonb NOT NULL, created_at timestamptz NOT NULL DEFAULT now(),"
                    + " created_by varchar(128), PRIMARY KEY (name, version))");
            st.execute("CREATE UNIQUE INDEX setting_active_idx ON setting (name) WHERE active");
        } catch (SQLException e) {
            throw new IllegalStateException("could not create table setting", e);
        }
        return dataSource;
    }

    public static VersionedStore<Setting> store(DataSource dataSource) {
        return new VersionedStore<>(dataSource, "setting", "setting", "name", CODEC);
    }
}
