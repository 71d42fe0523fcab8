package org.iotahome.provider.inbox;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.iotahome.provider.database.OnPostgres;
import org.iotahome.provider.flow.FreshDataDir;

/** {@link GrantStoreTest} on a real PostgreSQL server. */
@QuarkusTest
@QuarkusTestResource(FreshDataDir.class)
@TestProfile(OnPostgres.class)
class GrantStoreOnPostgresTest extends GrantStoreTest {

    @Override
    String expectedProduct() {
        return "PostgreSQL";
    }
}
