package org.iotahome.home.store;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.List;
import java.util.Map;
import org.iotahome.home.web.FreshDataDir;
import org.iotahome.testpostgres.DebianPostgres;

/** The same contract and the same Flyway migrations on a real PostgreSQL server started for this test. */
@QuarkusTest
@QuarkusTestResource(FreshDataDir.class)
@TestProfile(PostgresStoreTest.OnPostgres.class)
class PostgresStoreTest extends StoreContract {

    @Override
    String expectedProduct() {
        return "PostgreSQL";
    }

    public static final class OnPostgres implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            // db-kind is fixed at build time: a test profile re-augments the application with it.
            return Map.of("quarkus.datasource.db-kind", "postgresql");
        }

        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(DebianPostgres.class));
        }
    }
}
