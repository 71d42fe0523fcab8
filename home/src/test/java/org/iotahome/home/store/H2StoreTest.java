package org.iotahome.home.store;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.iotahome.home.web.FreshDataDir;

/** The store contract on the default store: H2, as My Home runs with nothing set up. */
@QuarkusTest
@QuarkusTestResource(FreshDataDir.class)
class H2StoreTest extends StoreContract {

    @Override
    String expectedProduct() {
        return "H2";
    }
}
