package org.iotahome.provider.readings;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.iotahome.provider.database.OnPostgres;
import org.iotahome.provider.flow.FreshDataDir;

/** {@link FollowerPositionsTest} on a real PostgreSQL server. */
@QuarkusTest
@QuarkusTestResource(FreshDataDir.class)
@TestProfile(OnPostgres.class)
class FollowerPositionsOnPostgresTest extends FollowerPositionsTest {
}
