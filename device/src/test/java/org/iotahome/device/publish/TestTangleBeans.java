package org.iotahome.device.publish;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.enterprise.inject.Produces;
import jakarta.enterprise.inject.Typed;
import jakarta.inject.Singleton;
import org.iotahome.protocol.tangle.InMemoryTangle;
import org.iotahome.protocol.tangle.Tangle;

/** In every @QuarkusTest the device publishes to a Tangle in memory, never to a node; it still observes its calls. */
@ApplicationScoped
public class TestTangleBeans {

    @Produces
    @Singleton
    @Typed(FlakyTangle.class)
    FlakyTangle flaky() {
        return new FlakyTangle(new InMemoryTangle(System::currentTimeMillis));
    }

    @Produces
    @Singleton
    @Alternative
    @Priority(1)
    @Node
    Tangle node(FlakyTangle flaky) {
        return flaky;
    }
}
