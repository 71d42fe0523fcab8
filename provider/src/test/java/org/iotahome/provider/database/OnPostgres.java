package org.iotahome.provider.database;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.List;
import java.util.Map;
import org.iotahome.testpostgres.DebianPostgres;

/** The provider on a real PostgreSQL server started for the tests that name this profile (the same Flyway migrations). */
public final class OnPostgres implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        // db-kind is fixed at build time: a test profile re-augments the application with it.
        return Map.of("quarkus.datasource.db-kind", "postgresql");
    }

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(DebianPostgres.class, Map.of("database", "provider", "user", "provider")));
    }
}
